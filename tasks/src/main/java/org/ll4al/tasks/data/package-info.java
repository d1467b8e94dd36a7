/**
 * Official datasets in one step: each {@link org.ll4al.tasks.TaskProvider} declares the
 * {@link org.ll4al.tasks.data.OfficialDataset}s it reads (their
 * {@link org.ll4al.tasks.data.OfficialArchive}s: URL, pinned checksum, size, how to unpack), and
 * one {@link org.ll4al.tasks.data.DataCache} fetches them over HTTP ({@link org.ll4al.tasks.data.HttpFetch}),
 * checks them and unpacks them ({@link org.ll4al.tasks.data.ArchiveUnpacker}) into the layout the
 * task reads, moving each dataset into place only once it is complete.
 */
package org.ll4al.tasks.data;
