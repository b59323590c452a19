# A small static image of mongotls: built against musl (the vendored OpenSSL too), run from
# distroless "static" (CA certificates, /tmp, a nonroot user; no shell, no libc).
#
#   docker build -t mongotls:latest .
#   docker run --rm mongotls:latest check "mongodb://host:3717/?tls=true" --ca /ca/ca.pem
#
# deploy/kubernetes runs it as `check --targets` (a CronJob) and `serve` (a Deployment).

FROM rust:1.89-bookworm AS build
# musl-gcc for the musl target; make and perl build the vendored OpenSSL (openssl-src).
RUN apt-get update \
    && apt-get install -y --no-install-recommends musl-tools make perl \
    && rm -rf /var/lib/apt/lists/* \
    && rustup target add x86_64-unknown-linux-musl
WORKDIR /src
COPY . .
RUN cargo build --release --locked --target x86_64-unknown-linux-musl --bin mongotls \
    && cp target/x86_64-unknown-linux-musl/release/mongotls /mongotls

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /mongotls /mongotls
USER nonroot:nonroot
EXPOSE 9716
ENTRYPOINT ["/mongotls"]
CMD ["--help"]
