/**
 * Typed options: each {@link org.ll4al.options.Option} is declared once, next to the code
 * that uses it (name, type, default, allowed values, one-line help); an
 * {@link org.ll4al.options.OptionTable} parses and checks a set of them into
 * {@link org.ll4al.options.Settings}, and {@link org.ll4al.options.Presets} holds a
 * task's presets as one shared base plus per-preset differences.
 */
package org.ll4al.options;
