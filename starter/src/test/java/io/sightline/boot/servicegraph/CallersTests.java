package io.sightline.boot.servicegraph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CallersTests {

	@Test
	void validNamesPassUnchanged() {
		assertThat(Callers.sanitize("order-service")).isEqualTo("order-service");
		assertThat(Callers.sanitize("svc_1.eu-west")).isEqualTo("svc_1.eu-west");
		assertThat(Callers.sanitize("  gateway ")).isEqualTo("gateway");
		assertThat(Callers.sanitize("a".repeat(64))).hasSize(64);
	}

	@Test
	void percentEncodedValidNamesAreDecoded() {
		assertThat(Callers.sanitize("order%2Dservice")).isEqualTo("order-service");
	}

	@Test
	void absentOrHostileValuesAreUnknown() {
		assertThat(Callers.sanitize(null)).isEqualTo("unknown");
		assertThat(Callers.sanitize("")).isEqualTo("unknown");
		assertThat(Callers.sanitize("   ")).isEqualTo("unknown");
		assertThat(Callers.sanitize("a".repeat(65))).isEqualTo("unknown");
		assertThat(Callers.sanitize("x".repeat(100_000))).isEqualTo("unknown");
		assertThat(Callers.sanitize("<script>")).isEqualTo("unknown");
		assertThat(Callers.sanitize("%3Cscript%3E")).isEqualTo("unknown");
		assertThat(Callers.sanitize("svc name")).isEqualTo("unknown");
		assertThat(Callers.sanitize("svc\"}evil{")).isEqualTo("unknown");
		assertThat(Callers.sanitize("caf\u00e9")).isEqualTo("unknown");
		assertThat(Callers.sanitize("%C3%A9")).isEqualTo("unknown");
		assertThat(Callers.sanitize("bad%zz")).isEqualTo("unknown");
		assertThat(Callers.sanitize("trailing%2")).isEqualTo("unknown");
		assertThat(Callers.sanitize("%2F%2F")).isEqualTo("unknown");
	}

	@Test
	void findsTheCallerAmongOtherMembersAndProperties() {
		assertThat(Callers.fromBaggageHeader("sightline.caller=gateway")).isEqualTo("gateway");
		assertThat(Callers.fromBaggageHeader("a=1, sightline.caller = gateway ;prop=1;x, b=2")).isEqualTo("gateway");
		assertThat(Callers.fromBaggageHeader("a=1,b=2")).isNull();
		assertThat(Callers.fromBaggageHeader("xsightline.caller=evil,sightline.callerx=evil")).isNull();
		assertThat(Callers.fromBaggageHeader("sightline.caller")).isNull();
		assertThat(Callers.fromBaggageHeader(",,;=,=x,sightline.caller=ok")).isEqualTo("ok");
		assertThat(Callers.fromBaggageHeader("sightline.caller=first,sightline.caller=second")).isEqualTo("first");
		assertThat(Callers.fromBaggageHeader("")).isNull();
		assertThat(Callers.fromBaggageHeader(null)).isNull();
	}

	@Test
	void onlyTheStartOfALongHeaderIsRead() {
		String padding = "k=v,".repeat(3000);
		assertThat(padding.length()).isGreaterThan(Callers.MAX_HEADER_CHARS);
		assertThat(Callers.fromBaggageHeader(padding + "sightline.caller=late")).isNull();
		assertThat(Callers.fromBaggageHeader("sightline.caller=early," + padding)).isEqualTo("early");
	}

	@Test
	void onlyTheFirstHeaderValuesAreRead() {
		List<String> values = new ArrayList<>(Collections.nCopies(Callers.MAX_HEADER_VALUES, "a=1"));
		values.add("sightline.caller=late");
		assertThat(Callers.fromBaggageHeaders(values.iterator())).isNull();
		assertThat(Callers.fromBaggageHeaders(List.of("a=1", "sightline.caller=second").iterator())).isEqualTo("second");
		assertThat(Callers.fromBaggageHeaders(null)).isNull();
	}

	@Test
	void writingTheCallerReplacesOursAndKeepsTheRest() {
		assertThat(Callers.withCaller(null, "me")).isEqualTo("sightline.caller=me");
		assertThat(Callers.withCaller(List.of("a=1;p, sightline.caller=upstream", "b=2").iterator(), "me"))
			.isEqualTo("a=1;p,b=2,sightline.caller=me");
		assertThat(Callers.fromBaggageHeader(Callers.withCaller(List.of("sightline.caller=x").iterator(), "me")))
			.isEqualTo("me");
	}

	@Test
	void ownNameIsNormalizedSoThatServerAndClientLabelsMatch() {
		assertThat(Callers.normalizeOwnName("order-service")).isEqualTo("order-service");
		assertThat(Callers.normalizeOwnName("Order Service")).isEqualTo("Order-Service");
		assertThat(Callers.normalizeOwnName("x".repeat(80))).hasSize(64);
		assertThat(Callers.normalizeOwnName(" ")).isEqualTo("unknown");
		assertThat(Callers.sanitize(Callers.normalizeOwnName("Order Service/v2"))).isEqualTo("Order-Service-v2");
	}

}
