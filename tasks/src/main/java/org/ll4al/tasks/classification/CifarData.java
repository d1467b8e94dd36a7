package org.ll4al.tasks.classification;

import java.util.List;
import org.ll4al.tasks.data.ArchiveFormat;
import org.ll4al.tasks.data.Checksum;
import org.ll4al.tasks.data.OfficialArchive;
import org.ll4al.tasks.data.OfficialDataset;

/** CIFAR-10 as its authors publish it: the binary version, which unpacks to the folder the task reads. */
final class CifarData {

    /**
     * {@code cifar-10-binary.tar.gz} unpacks to {@code cifar-10-batches-bin/}. Size and SHA-256 as
     * pinned by tensorflow/datasets, {@code tensorflow_datasets/url_checksums/cifar10.txt} (commit
     * 333639b37af6c6fedf3610a4a2d42f1c6ef6f7d5); the same SHA-256 is pinned by other downloaders
     * (e.g. red-data-tools' red-datasets, gomlx's cifar downloader).
     */
    static final OfficialDataset CIFAR10 = new OfficialDataset(
            "cifar10",
            "CIFAR-10, binary version (170 MB; Krizhevsky 2009, free for research use): the 50,000 training and"
                    + " 10,000 test images",
            "cifar10",
            "",
            "cifar-10-batches-bin",
            List.of(
                    "data_batch_1.bin",
                    "data_batch_2.bin",
                    "data_batch_3.bin",
                    "data_batch_4.bin",
                    "data_batch_5.bin",
                    "test_batch.bin"),
            List.of(OfficialArchive.of(
                    "cifar-10-binary.tar.gz",
                    Checksum.sha256(
                            "c4a38c50a1bc5f3a1c5537f2155ab9d68f9f25eb1ed8d9ddda3db29a59bca1dd",
                            "tensorflow/datasets, tensorflow_datasets/url_checksums/cifar10.txt, commit 333639b"),
                    170_052_171L,
                    ArchiveFormat.TAR_GZ,
                    "https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz")));

    private CifarData() {}
}
