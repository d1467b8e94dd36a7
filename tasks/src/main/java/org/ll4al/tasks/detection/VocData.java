package org.ll4al.tasks.detection;

import java.util.ArrayList;
import java.util.List;
import org.ll4al.tasks.data.ArchiveFormat;
import org.ll4al.tasks.data.Checksum;
import org.ll4al.tasks.data.OfficialArchive;
import org.ll4al.tasks.data.OfficialDataset;

/**
 * PASCAL VOC as its organisers publish it. Both datasets unpack under one folder ({@code voc},
 * the {@code -Ddata} of the detection task), each adding its {@code VOCdevkit/VOC20xx}.
 *
 * <p>Sizes and SHA-256: tensorflow/datasets, {@code tensorflow_datasets/url_checksums/voc.txt}
 * (commit 90b66237ad09c9e5b9b1bc61b646db7b1fb0713c, for the pjreddie.com mirror of the same
 * files); the same SHA-256 for the host.robots.ox.ac.uk URLs in pytorch/vision,
 * {@code torchvision/prototype/datasets/_builtin/voc.py} (commit a5a52e3bf92c073bf407f41324b389cdb7917671).
 */
final class VocData {

    private static final String TFDS = "tensorflow/datasets, tensorflow_datasets/url_checksums/voc.txt, commit 90b6623"
            + " (and pytorch/vision, torchvision/prototype/datasets/_builtin/voc.py, commit a5a52e3)";

    /** VOC2007 trainval (5,011 images) and test (4,952): {@code VOCdevkit/VOC2007}. */
    static final OfficialDataset VOC2007 = new OfficialDataset(
            "voc2007",
            "PASCAL VOC2007 trainval and test (911 MB; Everingham et al. 2010, images under Flickr terms):"
                    + " VOCdevkit/VOC2007 with the train, val, trainval and test lists",
            "voc",
            "VOCdevkit/VOC2007",
            "",
            List.of(
                    "VOCdevkit/VOC2007/Annotations", "VOCdevkit/VOC2007/JPEGImages",
                    "VOCdevkit/VOC2007/ImageSets/Main/trainval.txt", "VOCdevkit/VOC2007/ImageSets/Main/test.txt"),
            List.of(
                    OfficialArchive.of(
                            "VOCtrainval_06-Nov-2007.tar",
                            Checksum.sha256("7d8cd951101b0957ddfd7a530bdc8a94f06121cfc1e511bb5937e973020c7508", TFDS),
                            460_032_000L,
                            ArchiveFormat.TAR,
                            "http://host.robots.ox.ac.uk/pascal/VOC/voc2007/VOCtrainval_06-Nov-2007.tar",
                            "https://pjreddie.com/media/files/VOCtrainval_06-Nov-2007.tar"),
                    OfficialArchive.of(
                            "VOCtest_06-Nov-2007.tar",
                            Checksum.sha256("6836888e2e01dca84577a849d339fa4f73e1e4f135d312430c4856b5609b4892", TFDS),
                            451_020_800L,
                            ArchiveFormat.TAR,
                            "http://host.robots.ox.ac.uk/pascal/VOC/voc2007/VOCtest_06-Nov-2007.tar",
                            "https://pjreddie.com/media/files/VOCtest_06-Nov-2007.tar")));

    /** VOC2012 trainval (11,540 detection images): {@code VOCdevkit/VOC2012}, for the paper's VOC07+12 pool. */
    static final OfficialDataset VOC2012 = new OfficialDataset(
            "voc2012",
            "PASCAL VOC2012 trainval (2.0 GB; images under Flickr terms): VOCdevkit/VOC2012, with voc2007 the"
                    + " paper preset's 07+12 pool",
            "voc",
            "VOCdevkit/VOC2012",
            "",
            List.of(
                    "VOCdevkit/VOC2012/Annotations",
                    "VOCdevkit/VOC2012/JPEGImages",
                    "VOCdevkit/VOC2012/ImageSets/Main/trainval.txt"),
            List.of(OfficialArchive.of(
                    "VOCtrainval_11-May-2012.tar",
                    Checksum.sha256("e14f763270cf193d0b5f74b169f44157a4b0c6efa708f4dd0ff78ee691763bcb", TFDS),
                    1_999_639_040L,
                    ArchiveFormat.TAR,
                    "http://host.robots.ox.ac.uk/pascal/VOC/voc2012/VOCtrainval_11-May-2012.tar",
                    "https://pjreddie.com/media/files/VOCtrainval_11-May-2012.tar")));

    private VocData() {}

    /** The datasets holding the years of these {@code year:split} lists (VOC2007 when none is named). */
    static List<OfficialDataset> forSplits(String... splitLists) {
        boolean y2007 = false;
        boolean y2012 = false;
        for (String list : splitLists) {
            for (String item : list.split(",")) {
                String year = item.trim().split(":")[0].trim();
                y2007 |= year.equals("2007");
                y2012 |= year.equals("2012");
            }
        }
        List<OfficialDataset> out = new ArrayList<>();
        if (y2007 || !y2012) {
            out.add(VOC2007);
        }
        if (y2012) {
            out.add(VOC2012);
        }
        return out;
    }
}
