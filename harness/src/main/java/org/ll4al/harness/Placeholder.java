package org.ll4al.harness; class Placeholder {}
