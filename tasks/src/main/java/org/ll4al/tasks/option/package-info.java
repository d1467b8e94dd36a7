/**
 * Typed options: each {@link org.ll4al.tasks.option.Option} is declared once, next to the code
 * that uses it (name, type, default, allowed values, one-line help); an
 * {@link org.ll4al.tasks.option.OptionTable} parses and checks a set of them into
 * {@link org.ll4al.tasks.option.Settings}, and {@link org.ll4al.tasks.option.Presets} holds a
 * task's presets as one shared base plus per-preset differences.
 */
package org.ll4al.tasks.option;
