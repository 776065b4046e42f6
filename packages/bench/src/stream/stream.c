/*
 * STREAM-style memory-bandwidth probe for the strided benchmark (after McCalpin's STREAM): copy, scale, add,
 * triad and a read-only vectorised sum over float64 arrays far larger than the caches.
 *
 *   cc -O3 -march=native -fopenmp stream.c -o stream && OMP_NUM_THREADS=2 ./stream 80000000 10
 *
 * Prints one JSON object: {"threads": T, "n": N, "reps": R, "openmp": bool, "ms": {"copy": [...], ...}, "cpu_ms": c, "check": x}
 * with the time of every repetition in milliseconds. Bytes moved per call (the bench computes GB/s):
 * copy 16n, scale 16n, add 24n, triad 24n, sum 8n. Builds without OpenMP (one thread) and without -march.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/resource.h>
#ifdef _OPENMP
#include <omp.h>
#endif

typedef double v4 __attribute__((vector_size(32)));

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec * 1e-6;
}

/* Read-only sum with 4 independent vector accumulators (16 doubles in flight), like a good SIMD reduction. */
static double sum_range(const double *a, long lo, long hi) {
  v4 s0 = {0, 0, 0, 0}, s1 = s0, s2 = s0, s3 = s0;
  long i = lo;
  for (; i + 16 <= hi; i += 16) {
    v4 x0, x1, x2, x3;
    memcpy(&x0, a + i, 32);
    memcpy(&x1, a + i + 4, 32);
    memcpy(&x2, a + i + 8, 32);
    memcpy(&x3, a + i + 12, 32);
    s0 += x0; s1 += x1; s2 += x2; s3 += x3;
  }
  double s = 0;
  for (; i < hi; i++) s += a[i];
  v4 t = (s0 + s1) + (s2 + s3);
  return s + (t[0] + t[1]) + (t[2] + t[3]);
}

static double sum_all(const double *a, long n) {
  double total = 0;
#ifdef _OPENMP
#pragma omp parallel reduction(+ : total)
  {
    long t = omp_get_thread_num(), T = omp_get_num_threads();
    total += sum_range(a, n * t / T, n * (t + 1) / T);
  }
#else
  total = sum_range(a, 0, n);
#endif
  return total;
}

static int cmp(const void *x, const void *y) {
  double a = *(const double *)x, b = *(const double *)y;
  return a < b ? -1 : a > b;
}

int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 80000000L;
  int reps = argc > 2 ? atoi(argv[2]) : 10;
  if (n < 16 || reps < 1) { fprintf(stderr, "usage: stream N REPS\n"); return 2; }
  double *a = aligned_alloc(64, ((n * sizeof(double) + 63) / 64) * 64);
  double *b = aligned_alloc(64, ((n * sizeof(double) + 63) / 64) * 64);
  double *c = aligned_alloc(64, ((n * sizeof(double) + 63) / 64) * 64);
  if (!a || !b || !c) { fprintf(stderr, "stream: out of memory for n=%ld\n", n); return 1; }
  int threads = 1;
#ifdef _OPENMP
  threads = omp_get_max_threads();
#endif
  /* first touch by the threads that will use the pages */
#pragma omp parallel for schedule(static)
  for (long i = 0; i < n; i++) { a[i] = 1.0; b[i] = 2.0; c[i] = 0.0; }
  const double s = 3.0;
  const char *names[5] = {"copy", "scale", "add", "triad", "sum"};
  double *ms = calloc((size_t)5 * (reps + 1), sizeof(double));
  volatile double sink = 0;
  for (int r = 0; r <= reps; r++) { /* r == 0 is the warm-up pass */
    double t;
    t = now_ms();
#pragma omp parallel for schedule(static)
    for (long i = 0; i < n; i++) c[i] = a[i];
    ms[0 * (reps + 1) + r] = now_ms() - t;
    t = now_ms();
#pragma omp parallel for schedule(static)
    for (long i = 0; i < n; i++) b[i] = s * c[i];
    ms[1 * (reps + 1) + r] = now_ms() - t;
    t = now_ms();
#pragma omp parallel for schedule(static)
    for (long i = 0; i < n; i++) c[i] = a[i] + b[i];
    ms[2 * (reps + 1) + r] = now_ms() - t;
    t = now_ms();
#pragma omp parallel for schedule(static)
    for (long i = 0; i < n; i++) a[i] = b[i] + s * c[i];
    ms[3 * (reps + 1) + r] = now_ms() - t;
    t = now_ms();
    sink += sum_all(a, n);
    ms[4 * (reps + 1) + r] = now_ms() - t;
  }
#ifdef _OPENMP
  const char *omp = "true";
#else
  const char *omp = "false";
#endif
  printf("{\"threads\": %d, \"n\": %ld, \"reps\": %d, \"openmp\": %s, \"ms\": {", threads, n, reps, omp);
  for (int k = 0; k < 5; k++) {
    printf("%s\"%s\": [", k ? ", " : "", names[k]);
    for (int r = 1; r <= reps; r++) printf("%s%.6f", r > 1 ? ", " : "", ms[k * (reps + 1) + r]);
    printf("]");
  }
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  double cpu_ms = ru.ru_utime.tv_sec * 1e3 + ru.ru_utime.tv_usec * 1e-3 + ru.ru_stime.tv_sec * 1e3 + ru.ru_stime.tv_usec * 1e-3;
  printf("}, \"cpu_ms\": %.3f, \"check\": %.17g}\n", cpu_ms, (double)sink + a[n / 2] + b[n / 3] + c[n - 1]);
  (void)cmp;
  free(a); free(b); free(c); free(ms);
  return 0;
}
