# Build: the same Maven build as the README, in a JDK 21 image.
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q package -DskipTests

# Run: a JRE, a non-root user, the store on a volume.
FROM eclipse-temurin:21-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
 && groupadd --system wachposten \
 && useradd --system --gid wachposten --uid 10001 --home-dir /var/lib/wachposten wachposten \
 && mkdir -p /var/lib/wachposten/data /etc/wachposten \
 && chown -R wachposten:wachposten /var/lib/wachposten
COPY --from=build /src/target/wachposten.jar /opt/wachposten/wachposten.jar
COPY config/ /etc/wachposten/
COPY rules/ /var/lib/wachposten/rules/
WORKDIR /var/lib/wachposten
USER wachposten
VOLUME ["/var/lib/wachposten/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD curl -fsS http://127.0.0.1:8080/health/ready >/dev/null || exit 1
# jdk.incubator.vector lets Lucene use the Vector API (the JVM notes "Using incubator modules" once at start)
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "--add-modules", "jdk.incubator.vector", "-jar", "/opt/wachposten/wachposten.jar"]
# Mount your config at /etc/wachposten/wachposten.yaml; store.path data/... lands on the volume.
CMD ["run", "--config", "/etc/wachposten/wachposten.yaml"]
