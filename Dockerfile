# syntax=docker/dockerfile:1
# The gateway's image: the SDK image publishes with build/publish.sh (the same script a test runs), the ASP.NET
# runtime image runs it as the non-root user "app", with its data (SQLite, key ring, logs) in the /data volume.
# Not built in CI here (no Docker engine); see README, Operations.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN ./build/publish.sh /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app .
RUN mkdir -p /data && chown app:app /data
USER app
ENV ASPNETCORE_ENVIRONMENT=Production \
    PORT=3000 \
    SQLITE_PATH=/data/suno.db \
    Database__KeyRingPath=/data/keys \
    LOG_DIR=/data/logs
VOLUME /data
EXPOSE 3000
# The gateway probes its own /health/live on PORT (the runtime image has no curl).
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
    CMD ["dotnet", "/app/Suno.WebApi.dll", "--health-probe"]
ENTRYPOINT ["dotnet", "/app/Suno.WebApi.dll"]
