package io.neonops.controller.api;

/** How a deletion through the storage controller ended; callers retry {@link #IN_PROGRESS}. */
public enum DeletionOutcome {
    /** Gone now (also when it was already gone on the pageserver). */
    DELETED,
    /** The storage controller does not know it: nothing was deleted. */
    NOT_FOUND,
    /** Still running when the storage controller stopped waiting; ask again. */
    IN_PROGRESS
}
