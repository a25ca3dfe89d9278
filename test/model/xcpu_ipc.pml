/*
 * Cross-CPU IPC set-up and migration (kernel/generic/smp.h, ipc.cc,
 * schedule.cc; seed 002, chapter 6), checked with spin for deadlock, lost
 * wake-ups and a zero-timeout reply that must not fail.
 *
 * What is modelled, and how it maps to the kernel:
 * - Two CPUs.  A kernel section of a thread on a CPU (interrupts off,
 *   nothing else runs there) is an atomic block guarded by ready(t): the
 *   thread is on its CPU, not in transit, and no other thread of that CPU
 *   spins in the kernel.  Between sections a thread is blocked or runnable.
 * - travel(t, c): the thread leaves its CPU and is posted in c's mailbox
 *   (travel_to + finish_switch + post_arrival); Mailbox(c) takes arrivals
 *   at any time (its IPI, or a CPU spinning in serve_mailbox), running
 *   ipc_waiter_arrived for a thread that travels blocked in a receive.
 * - R receives at its home only: away from home it sets itself Waiting and
 *   travels home blocked.  Senders go to R's home (go_to_home_of), wait for
 *   an arriving waiter (await_arrival), deliver if R waits for them
 *   (waits_for), else poll in R's send queue until picked or released.
 * - M changes R's home only at R's home: it releases the polling senders
 *   (they retry) and moves R along if R waits there (move_blocked).
 *
 * The scenario: R calls Z on the other CPU, whose reply has a zero send
 * timeout (it must find R waiting although R is still on its way home);
 * S1 and S2 each send R one message with an infinite timeout while R
 * receives twice, travelling away in between; M migrates R twice.  Every
 * process must end (no deadlock, no lost wake-up), with R having all three
 * messages.
 *
 * Compile-time mutants, each of which must make the check fail (so the
 * model can catch what it is for): NO_AWAIT (a sender takes an arriving
 * waiter for busy), NO_RELEASE (migration leaves senders polling at the old
 * home), NO_FORWARD (a waiter arriving at a home that moved stays there).
 */

#define NCPU 2
#define NTHREADS 6
#define NONE 0
#define S1 1
#define S2 2
#define Z 3
#define R 4
#define M 5
#define ANY 7

mtype = { Running, Waiting, Polling };

#define W_NONE 0
#define W_DELIVERED 1
#define W_RETRY 2
#define W_PICKED 3

byte cpu[NTHREADS];
bool transit[NTHREADS];
byte home[NTHREADS];
mtype state[NTHREADS];
byte wake[NTHREADS];
byte partner[NTHREADS];      /* R's from-specifier while it waits */
bool queued[NTHREADS];       /* polling in R's send queue */
byte busy[NCPU];             /* the thread spinning in the kernel there */
bool z_called;               /* R's call reached Z */
byte got_from_senders;       /* messages R received from S1, S2 */
bool reply_arrived;          /* R got Z's reply */

#define ready(t) (!transit[t] && busy[cpu[t]] == NONE)

inline travel(t, c)
{
    cpu[t] = c;
    transit[t] = true
}

/* A sender in R's send queue that R's from-specifier accepts. */
#define has_sender_for_R \
    ((partner[R] == ANY && (queued[S1] || queued[S2])) || \
     (partner[R] == S1 && queued[S1]) || (partner[R] == S2 && queued[S2]))

/* waits_for(R, s) on the sender's CPU. */
#define waits_for_R(s) \
    (cpu[R] == cpu[s] && !transit[R] && state[R] == Waiting && \
     (partner[R] == ANY || partner[R] == s))

/* await_arrival's loop condition. */
#ifdef NO_AWAIT
#define awaiting(s) false
#else
#define awaiting(s) \
    (state[R] == Waiting && home[R] == cpu[s] && (cpu[R] != cpu[s] || transit[R]))
#endif

/* ipc_waiter_arrived / the arrival of a running thread (serve_mailbox). */
inline arrive(t, c)
{
    transit[t] = false;
    if
    :: state[t] == Waiting ->
        if
#ifndef NO_FORWARD
        :: home[t] != c -> travel(t, home[t])
#endif
        :: else ->
            if
            :: has_sender_for_R -> wake[t] = W_RETRY; state[t] = Running
            :: else -> skip
            fi
        fi
    :: else -> skip
    fi
}

proctype Mailbox(byte c)
{
end:
    do
    :: atomic { transit[S1] && cpu[S1] == c -> arrive(S1, c) }
    :: atomic { transit[S2] && cpu[S2] == c -> arrive(S2, c) }
    :: atomic { transit[Z] && cpu[Z] == c -> arrive(Z, c) }
    :: atomic { transit[R] && cpu[R] == c -> arrive(R, c) }
    :: atomic { transit[M] && cpu[M] == c -> arrive(M, c) }
    od
}

/*
 * One send to R (ipc.cc, send()): zero_timeout for Z's reply.  `phase`:
 * 0 trying, 1 polling, 2 delivered.
 */
inline send_to_R(me, zero_timeout, phase)
{
    phase = 0;
    do
    :: phase == 2 -> break
    :: phase == 1 ->
        (state[me] == Running);
        assert(wake[me] == W_PICKED);
        phase = 0
    :: phase == 0 ->
        if
        :: atomic { ready(me) && cpu[me] != home[R] -> travel(me, home[R]) }
        :: atomic { ready(me) && cpu[me] == home[R] && awaiting(me) -> busy[cpu[me]] = me }
            /* Spinning at R's home; only the mailboxes run meanwhile. */
            atomic {
                !awaiting(me) -> busy[cpu[me]] = NONE;
                if
                :: waits_for_R(me) -> state[R] = Running; wake[R] = W_DELIVERED; phase = 2
                :: else -> assert(!zero_timeout); state[me] = Polling; wake[me] = W_NONE;
                           queued[me] = true; phase = 1
                fi
            }
        :: atomic {
               ready(me) && cpu[me] == home[R] && !awaiting(me) ->
               if
               :: waits_for_R(me) -> state[R] = Running; wake[R] = W_DELIVERED; phase = 2
               :: else -> assert(!zero_timeout); state[me] = Polling; wake[me] = W_NONE;
                          queued[me] = true; phase = 1
               fi
           }
        fi
    od
}

proctype Sender(byte me)
{
    byte phase;
    send_to_R(me, false, phase)
}

proctype Server()
{
    byte phase;
    (z_called && ready(Z));
    send_to_R(Z, true, phase)
}

/* R picks a polling sender its from-specifier accepts (receive()). */
inline pick(s)
{
    assert(cpu[s] == cpu[R]);   /* senders poll at the receiver's home */
    queued[s] = false; wake[s] = W_PICKED; state[s] = Running;
    partner[R] = s
}

/* One receive phase of R from `want` (ipc.cc, receive()). */
inline receive(want)
{
    do
    :: atomic {
           ready(R) && cpu[R] != home[R] ->
           partner[R] = want; state[R] = Waiting; wake[R] = W_NONE; travel(R, home[R])
       }
        (state[R] == Running && ready(R));
        if
        :: wake[R] == W_DELIVERED -> break
        :: else -> assert(wake[R] == W_RETRY)
        fi
    :: atomic {
           ready(R) && cpu[R] == home[R] ->
           partner[R] = want; state[R] = Waiting; wake[R] = W_NONE;
           if
           :: partner[R] == ANY && queued[S1] -> pick(S1)
           :: partner[R] == ANY && queued[S2] -> pick(S2)
           :: else -> skip
           fi
       }
        (state[R] == Running && ready(R));
        if
        :: wake[R] == W_DELIVERED -> break
        :: else -> assert(wake[R] == W_RETRY)
        fi
    od
}

proctype Receiver()
{
    /* Call Z: the send phase on Z's CPU, then the receive from Z. */
    atomic { ready(R) && cpu[R] != cpu[Z] -> travel(R, cpu[Z]) };
    atomic {
        ready(R) && cpu[R] == cpu[Z] ->
        z_called = true;
        if
        :: cpu[R] != home[R] ->
            partner[R] = Z; state[R] = Waiting; wake[R] = W_NONE; travel(R, home[R])
        :: else -> partner[R] = Z; state[R] = Waiting; wake[R] = W_NONE
        fi
    };
    (state[R] == Running && ready(R));
    assert(wake[R] == W_DELIVERED);
    reply_arrived = true;

    receive(ANY);
    got_from_senders++;
    if   /* perhaps off to another CPU (a send there) before the next receive */
    :: atomic { ready(R) -> travel(R, 1 - cpu[R]) }
    :: skip
    fi;
    receive(ANY);
    got_from_senders++
}

/* Schedule's processor number for R (schedule.cc, migrate()). */
inline migrate_R()
{
    do
    :: atomic { ready(M) && cpu[M] != home[R] -> travel(M, home[R]) }
    :: atomic {
           ready(M) && cpu[M] == home[R] ->
#ifndef NO_RELEASE
           if
           :: queued[S1] -> assert(cpu[S1] == cpu[M]); queued[S1] = false; wake[S1] = W_PICKED; state[S1] = Running
           :: else -> skip
           fi;
           if
           :: queued[S2] -> assert(cpu[S2] == cpu[M]); queued[S2] = false; wake[S2] = W_PICKED; state[S2] = Running
           :: else -> skip
           fi;
#endif
           home[R] = 1 - home[R];
           if
           :: cpu[R] != home[R] && !transit[R] && state[R] == Waiting -> travel(R, home[R])
           :: else -> skip
           fi;
           break
       }
    od
}

proctype Migrator()
{
    migrate_R();
    migrate_R()
}

init
{
    atomic {
        cpu[S1] = 0; cpu[S2] = 1; cpu[Z] = 1; cpu[R] = 0; cpu[M] = 1;
        home[S1] = 0; home[S2] = 1; home[Z] = 1; home[R] = 0; home[M] = 1;
        state[S1] = Running; state[S2] = Running; state[Z] = Running;
        state[R] = Running; state[M] = Running;
        run Mailbox(0); run Mailbox(1);
        run Receiver(); run Server(); run Sender(S1); run Sender(S2); run Migrator()
    }
    (_nr_pr == 3);   /* init and the two mailboxes are left */
    assert(reply_arrived && got_from_senders == 2 && !queued[S1] && !queued[S2])
}
