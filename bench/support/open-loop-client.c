/*
 * Open-loop HTTP load generator for bench/route-endpoint.bench.ts, in C so that the measuring side has no garbage
 * collector and no event-loop jitter of its own: with a Node client the p99 of a bare constant server on this 2-core
 * machine was 3-5 ms, i.e. the client, not the server, set the tail. Built on first use with the system's cc (the
 * same toolchain npm already needs for better-sqlite3).
 *
 *   open-loop-client <host> <port> <rate/s> <count> <header line or ""> <path> [<path> ...]
 *
 * Each request is what Asterisk's CURL() sends: a fresh TCP connection, one GET, `Connection: close`, read to EOF.
 * Latency = connect() → EOF. Requests start on a fixed schedule whatever the answers do. Prints one JSON line:
 * {"latencies":[ms, sorted],"errorCount":n,"errors":["..."]}.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

typedef struct { int fd; double started; int sent; char head[16]; int headLen; int path; } Conn;

static double nowMs(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int byValue(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

int main(int argc, char **argv) {
  if (argc < 7) { fprintf(stderr, "usage: %s host port rate count header path...\n", argv[0]); return 2; }
  const char *host = argv[1], *header = argv[5];
  int port = atoi(argv[2]), count = atoi(argv[4]), paths = argc - 6;
  double rate = atof(argv[3]);
  char **requests = calloc(paths, sizeof(char *));
  size_t *lengths = calloc(paths, sizeof(size_t));
  for (int i = 0; i < paths; i++) {
    requests[i] = malloc(4096);
    lengths[i] = snprintf(requests[i], 4096, "GET %s HTTP/1.1\r\nHost: %s:%d\r\n%s%sConnection: close\r\n\r\n", argv[6 + i], host, port, header,
                          header[0] ? "\r\n" : "");
  }
  struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons(port)};
  inet_pton(AF_INET, host, &addr.sin_addr);

  int ep = epoll_create1(0);
  double *latencies = calloc(count, sizeof(double));
  int done = 0, ok = 0, errors = 0, next = 0;
  char firstError[64] = "";
  double t0 = nowMs();
  struct epoll_event events[256];
  while (done < count) {
    double now = nowMs();
    while (next < count && t0 + next * 1000.0 / rate <= now) {
      Conn *c = calloc(1, sizeof(Conn));
      c->path = next % paths;
      c->fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
      int one = 1;
      setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
      c->started = nowMs();
      if (connect(c->fd, (struct sockaddr *)&addr, sizeof addr) < 0 && errno != EINPROGRESS) {
        if (!errors++) snprintf(firstError, sizeof firstError, "connect: %s", strerror(errno));
        close(c->fd); free(c); done++; next++; continue;
      }
      struct epoll_event ev = {.events = EPOLLOUT | EPOLLIN, .data.ptr = c};
      epoll_ctl(ep, EPOLL_CTL_ADD, c->fd, &ev);
      next++;
    }
    // Sleep exactly until the next start (epoll_pwait2 takes nanoseconds): with epoll_wait's whole milliseconds the
    // last sub-millisecond before each start was a busy loop — 40 % of a core at 500 req/s, taken from the server.
    double wait = next < count ? t0 + next * 1000.0 / rate - nowMs() : 100;
    if (wait < 0) wait = 0;
    struct timespec timeout = {.tv_sec = (time_t)(wait / 1e3), .tv_nsec = (long)((wait - 1e3 * (time_t)(wait / 1e3)) * 1e6)};
    int n = epoll_pwait2(ep, events, 256, &timeout, NULL);
    for (int i = 0; i < n; i++) {
      Conn *c = events[i].data.ptr;
      if (!c->sent && (events[i].events & EPOLLOUT)) {
        if (write(c->fd, requests[c->path], lengths[c->path]) < 0) goto failed;
        c->sent = 1;
        struct epoll_event ev = {.events = EPOLLIN, .data.ptr = c};
        epoll_ctl(ep, EPOLL_CTL_MOD, c->fd, &ev);
        continue;
      }
      if (events[i].events & (EPOLLIN | EPOLLHUP | EPOLLERR)) {
        char buf[4096];
        ssize_t r;
        while ((r = read(c->fd, buf, sizeof buf)) > 0) {
          int take = r < (ssize_t)(sizeof c->head - 1 - c->headLen) ? (int)r : (int)(sizeof c->head - 1 - c->headLen);
          memcpy(c->head + c->headLen, buf, take);
          c->headLen += take;
        }
        if (r < 0 && errno == EAGAIN) continue;
        if (r == 0 && strncmp(c->head, "HTTP/1.1 200", 12) == 0) {
          latencies[ok++] = nowMs() - c->started;
          close(c->fd); free(c); done++;
          continue;
        }
      failed:
        if (!errors++) snprintf(firstError, sizeof firstError, "%s", c->headLen ? c->head : strerror(errno));
        close(c->fd); free(c); done++;
      }
    }
  }
  qsort(latencies, ok, sizeof(double), byValue);
  printf("{\"latencies\":[");
  for (int i = 0; i < ok; i++) printf(i ? ",%.4f" : "%.4f", latencies[i]);
  for (char *p = firstError; *p; p++) if (*p == '"' || *p == '\\' || *p < ' ') *p = ' ';
  printf("],\"errorCount\":%d,\"errors\":[%s%s%s]}\n", errors, errors ? "\"" : "", errors ? firstError : "", errors ? "\"" : "");
  return 0;
}
