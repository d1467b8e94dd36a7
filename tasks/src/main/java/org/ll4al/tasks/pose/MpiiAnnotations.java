package org.ll4al.tasks.pose;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ll4al.tasks.TaskDataException;

/**
 * Reads the MPII JSON layout of stacked-hourglass/HRNet reimplementations: an array of
 * {@code {image, center[2], scale, joints[16][2], joints_vis[16], normalize?}}. Entries without
 * {@code normalize} (e.g. mmpose's files) get 0.75 x the upper-neck to head-top distance, the
 * median ratio of the two in the MPII validation split.
 *
 * <p>A joint is <em>not annotated</em> when its coordinates are (0, 0), the stacked-hourglass
 * layout's mark (converted from MPII's 1-based annotations, where a missing joint has no
 * point), or (-1, -1) with {@code joints_vis} 0, the 0-based HRNet/mmpose layout's mark. Every
 * other joint is annotated, whatever its {@code joints_vis} (0 = occluded in the
 * stacked-hourglass layout).
 */
public final class MpiiAnnotations {

    /** normalize / |head_top - upper_neck|, median over MPII valid.json (used when normalize is absent). */
    public static final double HEAD_SEGMENT_TO_NORMALIZE = 0.75;

    private MpiiAnnotations() {}

    /**
     * Reads and validates every entry.
     *
     * @param json the annotation file
     * @param images folder holding the images, or null to skip the image existence check
     * @throws TaskDataException naming the file and the entry index on any problem
     */
    public static List<PoseSample> read(Path json, Path images) {
        JsonElement root;
        try (Reader r = Files.newBufferedReader(json, StandardCharsets.UTF_8)) {
            root = JsonParser.parseReader(r);
        } catch (IOException e) {
            throw new TaskDataException(json + ": cannot read: " + e.getMessage(), e);
        } catch (JsonParseException e) {
            throw new TaskDataException(json + ": not valid JSON: " + e.getMessage(), e);
        }
        if (!root.isJsonArray()) {
            throw new TaskDataException(
                    json + ": expected a JSON array of {image, center, scale, joints, joints_vis} entries");
        }
        JsonArray array = root.getAsJsonArray();
        List<PoseSample> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            try {
                PoseSample s = parse(array.get(i));
                if (images != null && !Files.isRegularFile(images.resolve(s.image()))) {
                    throw new IllegalArgumentException("image " + images.resolve(s.image()) + " does not exist");
                }
                out.add(s);
            } catch (RuntimeException e) {
                throw new TaskDataException(json + ": entry " + i + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static PoseSample parse(JsonElement e) {
        if (!e.isJsonObject()) {
            throw new IllegalArgumentException("expected an object, got " + e);
        }
        JsonObject o = e.getAsJsonObject();
        String image = field(o, "image").getAsString();
        JsonArray center = field(o, "center").getAsJsonArray();
        if (center.size() != 2) {
            throw new IllegalArgumentException("center must have 2 numbers, got " + center.size());
        }
        double scale = field(o, "scale").getAsDouble();
        if (!(scale > 0)) {
            throw new IllegalArgumentException("scale must be > 0, got " + scale);
        }
        JsonArray joints = field(o, "joints").getAsJsonArray();
        if (joints.size() != MpiiJoints.COUNT) {
            throw new IllegalArgumentException(
                    "expected " + MpiiJoints.COUNT + " joints (MPII order), got " + joints.size());
        }
        JsonArray vis = field(o, "joints_vis").getAsJsonArray();
        if (vis.size() != MpiiJoints.COUNT) {
            throw new IllegalArgumentException("expected " + MpiiJoints.COUNT + " joints_vis flags, got " + vis.size());
        }
        double[][] xy = new double[MpiiJoints.COUNT][];
        float[] v = new float[MpiiJoints.COUNT];
        float[] annotated = new float[MpiiJoints.COUNT];
        for (int j = 0; j < MpiiJoints.COUNT; j++) {
            JsonArray p = joints.get(j).getAsJsonArray();
            if (p.size() < 2) {
                throw new IllegalArgumentException("joint " + j + " must have x and y");
            }
            xy[j] = new double[] {p.get(0).getAsDouble(), p.get(1).getAsDouble()};
            JsonElement f = vis.get(j);
            v[j] = (f.isJsonArray() ? f.getAsJsonArray().get(0).getAsDouble() : f.getAsDouble()) > 0 ? 1f : 0f;
            annotated[j] = isAnnotated(xy[j], v[j]) ? 1f : 0f;
        }
        double normalize;
        if (o.has("normalize") && !o.get("normalize").isJsonNull()) {
            normalize = o.get("normalize").getAsDouble();
        } else {
            if (annotated[MpiiJoints.HEAD_TOP] == 0 || annotated[MpiiJoints.UPPER_NECK] == 0) {
                throw new IllegalArgumentException(
                        "no 'normalize' (head size) and no annotated head top and upper neck to derive it from");
            }
            double dx = xy[MpiiJoints.HEAD_TOP][0] - xy[MpiiJoints.UPPER_NECK][0];
            double dy = xy[MpiiJoints.HEAD_TOP][1] - xy[MpiiJoints.UPPER_NECK][1];
            normalize = HEAD_SEGMENT_TO_NORMALIZE * Math.hypot(dx, dy);
        }
        if (!(normalize > 0) || Double.isInfinite(normalize)) {
            throw new IllegalArgumentException("'normalize' (head size) must be a positive number, got " + normalize);
        }
        return new PoseSample(
                image, center.get(0).getAsDouble(), center.get(1).getAsDouble(), scale, xy, v, annotated, normalize);
    }

    /**
     * Whether a joint carries an annotation: not (0, 0) (stacked-hourglass layout) and not
     * (-1, -1) flagged 0 (HRNet/mmpose layout).
     */
    static boolean isAnnotated(double[] xy, float vis) {
        boolean zero = xy[0] == 0 && xy[1] == 0;
        boolean minusOne = xy[0] == -1 && xy[1] == -1 && vis == 0;
        return !zero && !minusOne;
    }

    private static JsonElement field(JsonObject o, String name) {
        JsonElement e = o.get(name);
        if (e == null || e.isJsonNull()) {
            throw new IllegalArgumentException("missing field '" + name + "'");
        }
        return e;
    }
}
