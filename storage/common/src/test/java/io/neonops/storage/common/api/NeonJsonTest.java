package io.neonops.storage.common.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class NeonJsonTest {

    record Sample(String requiredName, Optional<Long> optionalSize, boolean flag) {
    }

    @Test
    void readerIgnoresUnknownFieldsAndAcceptsAbsentOrNullOptionals() throws Exception {
        var reader = NeonJson.reader().forType(Sample.class);

        assertThat(reader.<Sample>readValue("{\"required_name\":\"a\",\"optional_size\":null,\"flag\":true,\"later_field\":[1]}"))
                .isEqualTo(new Sample("a", Optional.empty(), true));
        assertThat(reader.<Sample>readValue("{\"required_name\":\"a\"}"))
                .isEqualTo(new Sample("a", Optional.empty(), false));
    }

    @Test
    void writerUsesSnakeCaseAndOmitsEmptyOptionals() throws Exception {
        assertThat(NeonJson.writer().writeValueAsString(new Sample("a", Optional.empty(), true)))
                .isEqualTo("{\"required_name\":\"a\",\"flag\":true}");
        assertThat(NeonJson.writer().writeValueAsString(new Sample("a", Optional.of(5L), false)))
                .isEqualTo("{\"required_name\":\"a\",\"optional_size\":5,\"flag\":false}");
    }

    @Test
    void newMapperIsIndependentOfTheSharedOne() throws Exception {
        var mapper = NeonJson.newMapper();
        mapper.setPropertyNamingStrategy(null);

        assertThat(NeonJson.writer().writeValueAsString(new Sample("a", Optional.empty(), true))).contains("required_name");
    }
}
