#ifndef WARDEN_CZEROMQ_SHIM_H
#define WARDEN_CZEROMQ_SHIM_H

#include <zmq.h>
#include <sys/eventfd.h>

/// libzmq's error numbers beyond errno are macros Swift cannot import.
static inline int czmq_eterm(void) { return ETERM; }
static inline int czmq_efsm(void) { return EFSM; }

#endif
