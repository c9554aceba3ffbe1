package io.neonops.safekeeper.api;

import java.util.List;

/**
 * The safekeeper's Paxos acceptor state for a timeline.
 *
 * @param term        the highest term this safekeeper voted for
 * @param epoch       the term of its last WAL record
 * @param termHistory where each term's WAL starts
 */
public record AcceptorState(long term, long epoch, List<TermSwitchEntry> termHistory) {

    public AcceptorState {
        Terms.requireNonNegative("term", term);
        Terms.requireNonNegative("epoch", epoch);
        termHistory = termHistory == null ? List.of() : List.copyOf(termHistory);
    }
}
