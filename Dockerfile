# decoreg serve in a container. Multi-stage: the SDK image builds and publishes the CLI (linux-x64 libtorch natives
# included), the ASP.NET runtime image runs it as a non-root user. Not built in this repository's CI (the build
# machine has no container registry access); build with:
#   docker build -t decoreg .
#   docker run -p 8080:8080 -v $PWD/models:/models:ro -e DECOREG_API_KEY=$(openssl rand -hex 32) decoreg \
#     serve --model concrete=/models/concrete.decoreg --urls http://0.0.0.0:8080
# Listening on 0.0.0.0 needs an API key (DECOREG_API_KEY or --api-key); /healthz and /readyz stay open for probes.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/DecoReg.Cli/DecoReg.Cli.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# libgomp: libtorch's OpenMP runtime; curl: the health check.
RUN apt-get update && apt-get install -y --no-install-recommends libgomp1 curl && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
# The image's built-in non-root user (uid 1654).
USER $APP_UID
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s --start-period=60s CMD curl -fsS http://127.0.0.1:8080/healthz || exit 1
ENTRYPOINT ["/app/decoreg"]
CMD ["serve", "--help"]
