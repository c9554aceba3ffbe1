package io.neonops.operator.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** Each test logs through a logback context of its own, so the suite's logging stays as it is. */
class LogFormatTest {

    private final LoggerContext context = new LoggerContext();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    LogFormatTest() {
        context.setMDCAdapter(MDC.getMDCAdapter());
        PatternLayoutEncoder pattern = new PatternLayoutEncoder();
        pattern.setContext(context);
        pattern.setPattern("%level %logger - %msg%n");
        pattern.start();
        // like a ConsoleAppender, it opens its stream again when restarted
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>() {
            @Override
            public void start() {
                setOutputStream(out);
                super.start();
            }
        };
        appender.setContext(context);
        appender.setEncoder(pattern);
        appender.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
    }

    @AfterEach
    void stop() {
        MDC.clear();
        context.stop();
    }

    @Test
    void jsonWritesOneObjectPerLineWithTheDecisionsFields() throws IOException {
        LogFormat.JSON.applyTo(context);
        MDC.put("resource.namespace", "team-a");
        context.getLogger("io.neonops.test").atWarn().addKeyValue("cluster", "demo").addKeyValue("reason", "ScaleDownRefused")
                .log("{}/{}: refused", "team-a", "demo");
        context.getLogger("io.neonops.test").info("second");

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        JsonNode first = new ObjectMapper().readTree(lines.get(0));

        assertThat(lines).hasSize(2);
        assertThat(first.path("level").asText()).isEqualTo("WARN");
        assertThat(first.path("loggerName").asText()).isEqualTo("io.neonops.test");
        assertThat(first.path("formattedMessage").asText()).isEqualTo("team-a/demo: refused");
        assertThat(first.path("timestamp").asLong()).isPositive();
        assertThat(first.path("mdc").path("resource.namespace").asText()).isEqualTo("team-a");
        assertThat(first.path("kvpList").toString()).contains("\"cluster\":\"demo\"").contains("\"reason\":\"ScaleDownRefused\"");
        assertThat(first.has("context")).isFalse();
        assertThat(new ObjectMapper().readTree(lines.get(1)).path("formattedMessage").asText()).isEqualTo("second");
    }

    @Test
    void textKeepsTheConfiguredPattern() {
        LogFormat.TEXT.applyTo(context);
        context.getLogger("io.neonops.test").info("plain");

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("INFO io.neonops.test - plain\n");
    }

    @Test
    void parsesTheSpellingsOfTheCommandLine() {
        assertThat(LogFormat.parse("json")).isEqualTo(LogFormat.JSON);
        assertThat(LogFormat.parse("text")).isEqualTo(LogFormat.TEXT);
        assertThatThrownBy(() -> LogFormat.parse("JSON")).hasMessage("expected text or json, got \"JSON\"");
    }
}
