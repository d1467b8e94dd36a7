package org.ll4al.report; class Placeholder {}
