package org.ll4al.tasks.detection;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.ll4al.tasks.TaskConfig;

/** Test shortcuts over {@link VocWriter}. */
final class TinyVoc {

    private TinyVoc() {}

    static String xml(String file, int w, int h, String objects) {
        return VocWriter.xml(file, w, h, objects);
    }

    static String object(String name, int x1, int y1, int x2, int y2, boolean difficult) {
        return VocWriter.object(name, x1, y1, x2, y2, difficult);
    }

    static Path write(Path root, int train, int val) throws IOException {
        return VocWriter.write(root, train, val);
    }

    static TaskConfig config(Path root, int imageSize, double width, Map<String, String> extra) {
        Map<String, String> m = new HashMap<>(extra);
        m.put("data", root.toString());
        m.put("width", Double.toString(width));
        m.put("imageSize", Integer.toString(imageSize));
        m.putIfAbsent("classes", "car,dog,person");
        return new DetectionTaskProvider().config(m, 7);
    }
}
