package org.ll4al.tasks.data;

import java.util.List;

/**
 * A dataset as its publishers distribute it, declared by the task that reads it
 * ({@link org.ll4al.tasks.TaskProvider#officialData()}): its archives and the layout they give.
 * In the cache ({@link DataCache}) the archives' entries are unpacked under {@code root}; the part
 * {@code installs} is then moved into place in one step, so a dataset is either complete or absent.
 *
 * @param name the name used as {@code -Ddownload=NAME}, e.g. {@code cifar10}
 * @param description one line for {@code -Dhelp}: what it is, its size, its terms
 * @param root the cache folder the archives' entry paths are relative to, e.g. {@code voc}
 * @param installs the part of {@code root} this dataset adds, e.g. {@code VOCdevkit/VOC2007}; empty
 *     for all of it (two datasets may share a root when they install different parts)
 * @param data the folder to give as {@code -Ddata}, relative to {@code root} (empty: the root)
 * @param expect paths under {@code data} that must exist once unpacked (checked before the dataset
 *     is moved into place)
 * @param archives the files to fetch, unpacked in this order
 */
public record OfficialDataset(
        String name,
        String description,
        String root,
        String installs,
        String data,
        List<String> expect,
        List<OfficialArchive> archives) {

    /** Copies the lists. */
    public OfficialDataset {
        expect = List.copyOf(expect);
        archives = List.copyOf(archives);
    }

    /** The archives' total size in bytes, or -1 when one of them has none published. */
    public long size() {
        long sum = 0;
        for (OfficialArchive a : archives) {
            if (a.size() < 0) {
                return -1;
            }
            sum += a.size();
        }
        return sum;
    }
}
