# One image recipe for every Spring Boot service: docker compose passes MODULE.
# JAVA_BASE_IMAGE is eclipse-temurin upstream and caas-local/java:25 on machines without a registry.
ARG JAVA_BASE_IMAGE=eclipse-temurin:25-jre
FROM ${JAVA_BASE_IMAGE}
ARG MODULE
# /data/keys exists in the image, owned by the service user: Docker seeds a new named volume
# mounted there (auth-keys) with this owner, so auth-service can keep its signing key.
RUN mkdir -p /app /data/keys && chown -R 10001:10001 /data && chmod 700 /data/keys
COPY ${MODULE}/target/${MODULE}.jar /app/app.jar
USER 10001
WORKDIR /app
# Small heaps and fast start-up matter more than peak throughput for these thin services.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=70 -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
