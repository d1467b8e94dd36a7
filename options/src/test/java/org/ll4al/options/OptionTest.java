package org.ll4al.options;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OptionTest {

    /** A choice as the loss kinds are declared. */
    enum Kind {
        RANKING,
        ALLPAIRS,
        MSE
    }

    @Test
    void eachKindParsesWhatItAllowsAndNamesTheOptionValueAndRuleOtherwise() {
        Option<Integer> trials = Option.integer("trials", 1, null, "help");
        assertEquals(3, trials.parse(" 3 "));
        OptionException e = assertThrows(OptionException.class, () -> trials.parse("0"));
        assertEquals("option trials='0' is invalid: expected a whole number >= 1", e.getMessage());
        e = assertThrows(OptionException.class, () -> trials.parse(null));
        assertEquals("option trials=(missing) is invalid: expected a whole number >= 1", e.getMessage());
        assertThrows(OptionException.class, () -> trials.parse("two"));

        Option<Float> momentum = Option.real("momentum", 0, 1, false, null, "help");
        assertEquals(0.9f, momentum.parse("0.9"));
        assertThrows(OptionException.class, () -> momentum.parse("1"));
        assertThrows(OptionException.class, () -> momentum.parse("NaN"));
        assertThrows(
                OptionException.class, () -> Option.positive("lr", null, "h").parse("0"));

        Option<Boolean> flag = Option.bool("resume", "true", "help");
        assertFalse(flag.parse("false"));
        assertThrows(OptionException.class, () -> flag.parse("yes"));

        Option<Kind> kind = Option.choice("lossKind", Kind.class, "ranking", "h");
        assertEquals(Kind.MSE, kind.parse("mse"));
        e = assertThrows(OptionException.class, () -> kind.parse("MSE"));
        assertTrue(e.getMessage().endsWith("expected one of allpairs, mse, ranking"), e.getMessage());

        assertEquals(List.of("a", "b"), Option.list("classes", "", "h").parse(" a, ,b "));
        assertEquals(List.of(), Option.list("classes", "", "h").parse(""));
        Option<List<String>> names = Option.names("strategies", null, "h", Set.of("random", "lloss"));
        assertEquals(List.of("lloss", "random"), names.parse("lloss,random"));
        assertThrows(OptionException.class, () -> names.parse("lloss,lloss"));
        assertThrows(OptionException.class, () -> names.parse("badge"));
        assertThrows(OptionException.class, () -> names.parse(""));

        assertArrayEquals(
                new int[] {160, 180}, Option.indices("milestones", null, "h").parse("160, 180"));
        assertArrayEquals(new int[0], Option.indices("milestones", null, "h").parse(""));
        assertThrows(
                OptionException.class,
                () -> Option.indices("milestones", null, "h").parse("-1"));

        assertEquals(Optional.empty(), Option.path("pretrained", "", "h").parse(""));
        assertEquals(
                Optional.of(Path.of("vgg.pth")),
                Option.path("pretrained", "", "h").parse("vgg.pth"));
    }

    @Test
    void aTableFillsDefaultsRefusesATwiceDeclaredNameAndMarksSessionOptions() {
        Option<Integer> epochs = Option.integer("epochs", 1, null, "training epochs");
        Option<Integer> warmup = Option.integer("warmupEpochs", 0, "0", "warmup");
        Option<String> out = Option.text("out", "", "results folder").session();
        OptionTable t = OptionTable.of(List.of(epochs, warmup, out));
        Settings s = t.parse(Map.of("epochs", "7", "unrelated", "x"));
        assertEquals(7, s.get(epochs));
        assertEquals(0, s.get(warmup));
        assertEquals(Map.of("epochs", "7", "warmupEpochs", "0", "out", ""), s.asText());
        assertEquals(Set.of("out"), t.sessionNames());
        assertThrows(OptionException.class, () -> t.parse(Map.of()), "epochs has no default");
        assertThrows(IllegalArgumentException.class, () -> s.get(Option.integer("batch", 2, "8", "h")));
        assertThrows(IllegalStateException.class, () -> t.addAll(List.of(Option.integer("epochs", 0, "1", "again"))));
        assertTrue(t.usage().contains("warmupEpochs") && t.usage().contains("[0]"), t.usage());
    }

    @Test
    void presetsAreABaseAndPerPresetDifferences() {
        Presets p = Presets.parse("demo", """
                [base]
                # shared
                optimizer = sgd
                lr = 0.1
                [paper]
                epochs = 200
                [smoke]
                lr = 0.05
                milestones =
                """);
        assertEquals(List.of("paper", "smoke"), List.copyOf(p.names()));
        assertEquals(Map.of("optimizer", "sgd", "lr", "0.1", "epochs", "200"), p.values("paper"));
        assertEquals(Map.of("optimizer", "sgd", "lr", "0.05", "milestones", ""), p.values("smoke"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.values("gpu"));
        assertTrue(e.getMessage().contains("known presets: paper, smoke"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> p.values("base"));
        assertThrows(
                IllegalArgumentException.class, () -> Presets.parse("demo", "lr = 1"), "a line before any section");
        assertThrows(IllegalArgumentException.class, () -> Presets.parse("demo", "[a]\nnonsense"));
        Presets child = Presets.parse("demo", """
                [base]
                lr = 0.1
                [paper]
                epochs = 200
                milestones = 160
                [paper-short : paper]
                epochs = 20
                """);
        assertEquals(Map.of("lr", "0.1", "epochs", "20", "milestones", "160"), child.values("paper-short"));
        assertEquals(Map.of("lr", "0.1", "epochs", "200", "milestones", "160"), child.values("paper"));
        IllegalArgumentException orphan = assertThrows(
                IllegalArgumentException.class, () -> Presets.parse("demo", "[a]\nlr = 1\n[b : c]\nlr = 2"));
        assertTrue(
                orphan.getMessage().contains("line 3") && orphan.getMessage().contains("known: a"),
                orphan.getMessage());
        IllegalStateException unknown = assertThrows(
                IllegalStateException.class, () -> p.check(OptionTable.of(List.of(Option.text("lr", "", "h")))));
        assertTrue(unknown.getMessage().contains("sets optimizer"), unknown.getMessage());
    }
}
