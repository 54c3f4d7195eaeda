package io.sightline.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;

/**
 * Put on a {@code @SpringBootTest} class to capture the application's spans in a {@link CapturedSpans}
 * bean (inject it with {@code @Autowired}). Equivalent to {@code @Import(SightlineTestConfiguration.class)}.
 *
 * <p>Spans are only captured in agentless tracing mode ({@code sightline.tracing.mode=agentless}, or
 * {@code auto} without the OpenTelemetry javaagent): with the agent, the agent owns the spans.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Import(SightlineTestConfiguration.class)
public @interface AutoConfigureSightlineTest {

}
