package io.neonops.safekeeper.api;

/**
 * What deleting a timeline found.
 *
 * @param dirExisted whether the timeline had a directory on disk
 * @param wasActive  whether the timeline was loaded in memory
 */
public record TimelineDeleteResult(boolean dirExisted, boolean wasActive) {
}
