package org.ll4al.tasks.detection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.ll4al.tasks.TaskDataException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads VOCdevkit annotations ({@code VOC<year>/Annotations/*.xml}) of one or more
 * {@code year:split} sets with DTDs and external entities disabled; every problem is a
 * {@link TaskDataException} naming the file.
 */
public final class VocReader {

    /** The 20 PASCAL VOC classes in the devkit's order. */
    public static final List<String> VOC_CLASSES = List.of(
            "aeroplane",
            "bicycle",
            "bird",
            "boat",
            "bottle",
            "bus",
            "car",
            "cat",
            "chair",
            "cow",
            "diningtable",
            "dog",
            "horse",
            "motorbike",
            "person",
            "pottedplant",
            "sheep",
            "sofa",
            "train",
            "tvmonitor");

    /** Where to get the data and which layout is expected. */
    public static final String HELP =
            "get PASCAL VOC from http://host.robots.ox.ac.uk/pascal/VOC/ (VOC2007 and VOC2012) and unpack it as"
                    + " DATA/VOCdevkit/VOC<year>/{Annotations/*.xml, JPEGImages/*.jpg, ImageSets/Main/<split>.txt}"
                    + " (-Ddownload=voc2007 and -Ddownload=voc2012 do both)";

    private final Path devkit;
    private final List<String> classes;
    private final DocumentBuilderFactory factory;

    /**
     * A reader of the devkit under {@code root}: {@code root/VOCdevkit}, {@code root/voc/VOCdevkit}
     * or {@code root} itself.
     *
     * @throws TaskDataException when no devkit folder is there
     */
    public VocReader(Path root, List<String> classes) {
        Path d = root.resolve("VOCdevkit");
        Path nested = root.resolve("voc").resolve("VOCdevkit");
        this.devkit = Files.isDirectory(d) ? d : Files.isDirectory(nested) ? nested : root;
        this.classes = classes.isEmpty() ? VOC_CLASSES : List.copyOf(classes);
        this.factory = secureFactory();
    }

    /** The class names in label order. */
    public List<String> classes() {
        return classes;
    }

    private static DocumentBuilderFactory secureFactory() {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        try {
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser lacks a required security feature", e);
        }
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        return f;
    }

    /** Reads every image of a comma-separated list of {@code year:split} sets, in list order. */
    public List<VocAnnotation> read(String splits) {
        List<VocAnnotation> all = new ArrayList<>();
        for (String spec : splits.split(",")) {
            String s = spec.trim();
            if (s.isEmpty()) {
                continue;
            }
            int colon = s.indexOf(':');
            if (colon <= 0 || colon == s.length() - 1) {
                throw new IllegalArgumentException("split '" + s + "' is not year:split, e.g. 2007:trainval");
            }
            all.addAll(readSplit(s.substring(0, colon), s.substring(colon + 1)));
        }
        return all;
    }

    private List<VocAnnotation> readSplit(String year, String split) {
        Path voc = devkit.resolve("VOC" + year);
        Path list = voc.resolve("ImageSets").resolve("Main").resolve(split + ".txt");
        if (!Files.isRegularFile(list)) {
            throw new TaskDataException("VOC split list " + list + " is missing; " + HELP);
        }
        List<String> ids;
        try {
            ids = Files.readAllLines(list);
        } catch (IOException e) {
            throw new TaskDataException(list + ": cannot read: " + e.getMessage(), e);
        }
        List<VocAnnotation> out = new ArrayList<>(ids.size());
        for (String line : ids) {
            String id = line.trim();
            if (!id.isEmpty()) {
                VocAnnotation a = readOne(voc, year, id.split("\\s+")[0]);
                if (a != null) {
                    out.add(a);
                }
            }
        }
        return out;
    }

    /**
     * The annotation, or null when a subset of the VOC classes is selected and the image holds
     * none of them (its other objects are dropped, as are images without any object then).
     */
    private VocAnnotation readOne(Path voc, String year, String id) {
        Path xml = voc.resolve("Annotations").resolve(id + ".xml");
        Path jpg = voc.resolve("JPEGImages").resolve(id + ".jpg");
        if (!Files.isRegularFile(jpg)) {
            throw new TaskDataException("image " + jpg + " is missing (annotation " + xml + ")");
        }
        Parsed p = parseCounting(xml, year + "/" + id, jpg);
        boolean selecting = classes.size() < VOC_CLASSES.size() && VOC_CLASSES.containsAll(classes);
        return p.annotation().size() == 0 && (p.dropped() > 0 || selecting) ? null : p.annotation();
    }

    /** An annotation and how many of its objects were of VOC classes outside the selection. */
    private record Parsed(VocAnnotation annotation, int dropped) {}

    /**
     * Parses one annotation file.
     *
     * @throws TaskDataException naming the file when it is missing, malformed or inconsistent
     */
    public VocAnnotation parse(Path xml, String id, Path jpg) {
        return parseCounting(xml, id, jpg).annotation();
    }

    private Parsed parseCounting(Path xml, String id, Path jpg) {
        if (!Files.isRegularFile(xml)) {
            throw new TaskDataException("annotation " + xml + " is missing; " + HELP);
        }
        Document doc;
        try {
            DocumentBuilder b = factory.newDocumentBuilder();
            b.setEntityResolver((pub, sys) -> {
                throw new SAXException("external entity " + sys + " refused");
            });
            doc = b.parse(xml.toFile());
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new TaskDataException(xml + ": malformed or refused XML: " + e.getMessage(), e);
        }
        Element root = doc.getDocumentElement();
        int width = intOf(xml, root, "width");
        int height = intOf(xml, root, "height");
        if (width <= 0 || height <= 0) {
            throw new TaskDataException(xml + ": image size " + width + "x" + height + " is not positive");
        }
        NodeList objects = root.getElementsByTagName("object");
        int n = objects.getLength();
        List<float[]> boxes = new ArrayList<>(n);
        List<Integer> labels = new ArrayList<>(n);
        List<Boolean> difficult = new ArrayList<>(n);
        int dropped = 0;
        for (int i = 0; i < n; i++) {
            Element o = (Element) objects.item(i);
            String name = text(xml, o, "name");
            int label = classes.indexOf(name);
            if (label < 0 && VOC_CLASSES.contains(name)) {
                dropped++; // a VOC class the run did not select (-Dclasses): the object is left out
                continue;
            }
            if (label < 0) {
                throw new TaskDataException(
                        xml + ": object " + i + " has unknown class '" + name + "'; known: " + classes);
            }
            labels.add(label);
            String diff = optText(o, "difficult");
            difficult.add(diff != null && "1".equals(diff.trim()));
            Element bb = child(xml, o, "bndbox");
            double x1 = num(xml, bb, "xmin");
            double y1 = num(xml, bb, "ymin");
            double x2 = num(xml, bb, "xmax");
            double y2 = num(xml, bb, "ymax");
            if (x1 < 0 || y1 < 0 || x2 > width || y2 > height || x2 < x1 || y2 < y1) {
                throw new TaskDataException(xml + ": object " + i + " box (" + x1 + ", " + y1 + ", " + x2 + ", " + y2
                        + ") lies outside the " + width + "x" + height + " image");
            }
            boxes.add(new float[] {
                (float) (Math.max(0, x1 - 1) / width), (float) (Math.max(0, y1 - 1) / height),
                (float) ((x2 - 1) / width), (float) ((y2 - 1) / height)
            });
        }
        boolean[] hard = new boolean[difficult.size()];
        for (int i = 0; i < hard.length; i++) {
            hard[i] = difficult.get(i);
        }
        return new Parsed(
                new VocAnnotation(
                        id,
                        jpg,
                        width,
                        height,
                        boxes.toArray(new float[0][]),
                        labels.stream().mapToInt(Integer::intValue).toArray(),
                        hard),
                dropped);
    }

    private static Element child(Path xml, Element e, String tag) {
        NodeList l = e.getElementsByTagName(tag);
        if (l.getLength() == 0) {
            throw new TaskDataException(xml + ": element <" + tag + "> is missing");
        }
        return (Element) l.item(0);
    }

    private static String optText(Element e, String tag) {
        NodeList l = e.getElementsByTagName(tag);
        return l.getLength() == 0 ? null : l.item(0).getTextContent();
    }

    private static String text(Path xml, Element e, String tag) {
        return child(xml, e, tag).getTextContent().trim();
    }

    private static double num(Path xml, Element e, String tag) {
        String t = text(xml, e, tag);
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException ex) {
            throw new TaskDataException(xml + ": <" + tag + "> '" + t + "' is not a number", ex);
        }
    }

    private static int intOf(Path xml, Element e, String tag) {
        return (int) Math.round(num(xml, e, tag));
    }
}
