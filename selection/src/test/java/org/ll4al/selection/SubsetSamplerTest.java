package org.ll4al.selection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The seeded sampler's picks, by id, against an independent Python reference (scripts/fixtures/sampler_reference.py). */
class SubsetSamplerTest {

    private static JsonObject fixture() throws IOException {
        try (Reader r = new InputStreamReader(
                SubsetSamplerTest.class.getResourceAsStream("/fixtures/sampler.json"), StandardCharsets.UTF_8)) {
            return new Gson().fromJson(r, JsonObject.class);
        }
    }

    private static int[] ints(JsonElement e) {
        return new Gson().fromJson(e, int[].class);
    }

    @Test
    void drawLimitAndShufflePickTheReferenceIds() throws IOException {
        JsonObject f = fixture();
        for (JsonElement c : f.getAsJsonArray("draw")) {
            JsonObject o = c.getAsJsonObject();
            int[] picked = SubsetSampler.draw(
                    ints(o.get("ids")),
                    o.get("size").getAsInt(),
                    new Random(o.get("seed").getAsLong()));
            assertArrayEquals(ints(o.get("picked")), picked, "draw " + o.get("size") + " seed " + o.get("seed"));
        }
        for (JsonElement c : f.getAsJsonArray("limit")) {
            JsonObject o = c.getAsJsonObject();
            int[] kept = SubsetSampler.limit(
                    o.get("n").getAsInt(),
                    o.get("limit").getAsInt(),
                    o.get("seed").getAsLong());
            assertArrayEquals(ints(o.get("kept")), kept, "limit " + o.get("limit") + " of " + o.get("n"));
        }
        for (JsonElement c : f.getAsJsonArray("shuffle")) {
            JsonObject o = c.getAsJsonObject();
            int[] a = new int[o.get("n").getAsInt()];
            Arrays.setAll(a, i -> i);
            SubsetSampler.shuffle(a, new Random(o.get("seed").getAsLong()));
            assertArrayEquals(ints(o.get("order")), a, "shuffle of " + a.length);
        }
    }

    @Test
    void aListLimitKeepsTheLimitedIdsInTheirOriginalOrder() {
        List<String> all = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l");
        int[] ids = SubsetSampler.limit(all.size(), 5, 9);
        List<String> kept = SubsetSampler.limit(all, 5, 9);
        assertEquals(5, kept.size());
        for (int k = 0; k < ids.length; k++) {
            assertEquals(all.get(ids[k]), kept.get(k));
        }
        assertEquals(all, SubsetSampler.limit(all, 0, 9));
        assertEquals(all, SubsetSampler.limit(all, 12, 9));
    }
}
