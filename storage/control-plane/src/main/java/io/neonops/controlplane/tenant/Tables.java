package io.neonops.controlplane.tenant;

import io.neonops.pageserver.api.TenantInfo;
import io.neonops.pageserver.api.TimelineInfo;
import java.util.List;
import java.util.Optional;

/** How tenants and timelines look in the commands' tables. */
final class Tables {

    private static final String NONE = "-";

    private Tables() {
    }

    static TextTable tenants(List<TenantInfo> tenants) {
        TextTable table = TextTable.of(List.of("TENANT ID", "STATE", "PHYSICAL SIZE"));
        for (TenantInfo t : tenants) {
            table = table.withRow(t.id().hex(), t.state().toString(), orNone(t.currentPhysicalSize()));
        }
        return table;
    }

    static TextTable timelines(List<TimelineInfo> timelines) {
        TextTable table = TextTable.of(List.of("TIMELINE ID", "PG", "ANCESTOR TIMELINE ID", "ANCESTOR LSN",
                "LAST RECORD LSN", "LOGICAL SIZE"));
        for (TimelineInfo t : timelines) {
            table = table.withRow(t.timelineId().hex(), orNone(t.pgVersion()), orNone(t.ancestorTimelineId()),
                    orNone(t.ancestorLsn()), t.lastRecordLsn().toString(), orNone(t.currentLogicalSize()));
        }
        return table;
    }

    static TextTable createdTenant(CreatedTenant created) {
        TimelineInfo timeline = created.initialTimeline();
        return TextTable.of(List.of("TENANT ID", "INITIAL TIMELINE ID", "PG", "LAST RECORD LSN"))
                .withRow(created.tenantId().hex(), timeline.timelineId().hex(), orNone(timeline.pgVersion()),
                        timeline.lastRecordLsn().toString());
    }

    private static String orNone(Optional<?> value) {
        return value.map(Object::toString).orElse(NONE);
    }
}
