# syntax=docker/dockerfile:1
# One image per demo service, from the repository root as build context:
#   docker build -f deploy/service.Dockerfile --build-arg SERVICE=order-service -t sightline/order-service .
# SERVICE is one of gateway, order-service, payment-service, inventory-service.
# RELEASE_ID (optional) becomes the image label io.sightline.release-id and SIGHTLINE_RELEASE_ID; left
# empty, the starter derives the release id from the jar's build time.

FROM maven:3.9.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
# The service jars and sightline-javaagent.jar land in demo-services/launcher/target/demo-lib.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -pl demo-services/launcher -am package -DskipTests

FROM eclipse-temurin:17.0.15_6-jre
ARG SERVICE
ARG RELEASE_ID=""
LABEL org.opencontainers.image.title="${SERVICE}" \
      org.opencontainers.image.source="https://github.com/sightline-dev/sightline" \
      io.sightline.release-id="${RELEASE_ID}"
# curl for the compose healthchecks
RUN command -v curl >/dev/null || (apt-get update && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*)
COPY --from=build /src/demo-services/launcher/target/demo-lib/sightline-javaagent.jar /sightline-javaagent.jar
COPY --from=build /src/demo-services/launcher/target/demo-lib/${SERVICE}.jar /app/app.jar
ENV SIGHTLINE_RELEASE_ID="${RELEASE_ID}"
USER 10001
# The agent is attached by JAVA_TOOL_OPTIONS=-javaagent:/sightline-javaagent.jar (compose, Kubernetes).
# The heap is a share of the container's memory limit; the rest is left to metaspace, the agent,
# threads and buffers.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=50", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/app.jar"]
