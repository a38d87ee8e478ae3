#ifndef WARDEN_CZEROMQ_SHIM_H
#define WARDEN_CZEROMQ_SHIM_H

#include <zmq.h>
#include <sys/eventfd.h>
#include <pthread.h>
#include <string.h>

/// Names the calling thread (Linux keeps the first 15 bytes), so `ps -L` and debuggers show it.
static inline void czmq_name_current_thread(const char *name) {
  char truncated[16];
  strncpy(truncated, name, sizeof truncated - 1);
  truncated[sizeof truncated - 1] = 0;
  pthread_setname_np(pthread_self(), truncated);
}

/// libzmq's error numbers beyond errno are macros Swift cannot import.
static inline int czmq_eterm(void) { return ETERM; }
static inline int czmq_efsm(void) { return EFSM; }

#endif
