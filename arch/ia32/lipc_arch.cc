// ia32 side of LIPC (kernel/generic/lipc.h): what every kernel entry from
// user mode does before it is handled, and the frame a lazily waiting
// thread resumes on.  The Lipc code itself is in kip_stubs.S.
#include "arch.h"
#include <generic/cpu.h>
#include <generic/exception.h>
#include <generic/lipc.h>
#include <generic/space.h>
#include <generic/tcb.h>

extern "C" char kip_lipc[], kip_lipc_forward[], kip_lipc_completion[], kip_lipc_copy[], kip_lipc_copy_saved[],
    kip_lipc_copy_restored[], kip_lipc_copy_end[], kip_lipc_kernel[], kip_lipc_return[], __kip_start[];

namespace arch {

namespace {

constexpr Word eflags_tf = 0x100;
enum : Word { vec_debug = 1, vec_nmi = 2 };

Word kip_offset(const char* symbol) { return Word(symbol - __kip_start); }

// A fault caused by the interrupted instruction (as opposed to an interrupt
// or a single-step trap, after which the instruction has completed).
bool is_fault(Word vector) { return vector < 32 && vector != vec_debug && vector != vec_nmi; }

enum class LipcRegion { Outside, Restart, RestoreAndRestart, Commit };

LipcRegion region_of(Word ip, const PageTableArch& a)
{
    Word off = ip - a.kip_base;
    if (off >= kip_offset(kip_lipc_copy_saved) && off < kip_offset(kip_lipc_copy_restored))
        return LipcRegion::RestoreAndRestart;
    if ((off >= kip_offset(kip_lipc) && off < kip_offset(kip_lipc_forward)) ||
        (off >= kip_offset(kip_lipc_copy) && off < kip_offset(kip_lipc_copy_end)))
        return LipcRegion::Restart;
    if (off >= kip_offset(kip_lipc_forward) && off < kip_offset(kip_lipc_completion))
        return LipcRegion::Commit;
    return LipcRegion::Outside;
}

// Finishes an interrupted commit as the five instructions at
// kip_lipc_forward do (they are idempotent, so redoing the ones that ran is
// harmless).  False when the thread's registers point at no UTCBs.
bool complete_commit(Frame& f, PageTableArch& a, unsigned cpu)
{
    Word zero = 0, partner_sp;
    if (!copy_to_user(f.edi - 4, &f.user_esp, sizeof(Word)) || !copy_to_user(f.edi - 8, &f.edx, sizeof(Word)) ||
        !copy_to_user(f.eax - 8, &zero, sizeof(Word)) || !copy_from_user(&partner_sp, f.eax - 4, sizeof(Word)))
        return false;
    a.current_utcb_page[cpu] = f.eax;
    f.user_esp = partner_sp;
    f.eip = a.kip_base + kip_offset(kip_lipc_completion);
    return true;
}

// An entry that interrupted the Lipc code: restart it, turn it into the
// kernel Lipc (a fault in the checks: the local id names no UTCB), finish
// its commit, or stop the thread (a fault in the commit: it jumped in).
void settle_interrupted_lipc(Tcb* self, Frame& f, bool fault)
{
    PageTableArch& a = self->space->page_table.arch_part;
    switch (region_of(f.eip, a)) {
    case LipcRegion::Outside:
        return;
    case LipcRegion::RestoreAndRestart:   // the word copy borrowed ESI, ECX, EDI
        f.esi = f.ebx;
        f.ecx = f.ebp;
        f.edi = a.current_utcb_page[self->cpu->id];
        [[fallthrough]];
    case LipcRegion::Restart:
        if (fault) {
            f.eip = a.kip_base + kip_offset(kip_lipc_kernel);
            f.vector = FRAME_RESUME;
        } else {
            f.eip = a.kip_base + kip_offset(kip_lipc);
        }
        return;
    case LipcRegion::Commit:
        if (fault || !complete_commit(f, a, self->cpu->id))
            stop_thread(self, "a fault inside the LIPC commit (a jump into the LIPC code)");
        return;
    }
}

// Test single-stepping (KdebugOp::InterruptAfter/FaultAfter): every step
// but the last returns at once, as if nothing happened; the last one is an
// interruption of the instruction it stopped before.
enum class Step { None, Transparent, Last };

Step count_step(Tcb* self, Frame& f)
{
    if (f.vector != vec_debug || self->step_budget == 0)
        return Step::None;
    if (--self->step_budget > 0) {
        f.vector = FRAME_RESUME;
        return Step::Transparent;
    }
    f.eflags &= ~eflags_tf;
    return Step::Last;
}

} // namespace

bool lipc_resume_frame(ThreadContext& ctx, Frame& f, const PageTableArch& a, Word sp, Word local_id)
{
    // Both return points are a `ret` in the KIP; with sysenter the frame is
    // a sysenter frame, so the fast path can complete the thread's receive.
    f.user_esp = sp;
    f.eip = cpu_has_sysenter ? a.sysexit_ip : a.kip_base + kip_offset(kip_lipc_return);
    f.vector = cpu_has_sysenter ? FRAME_SYSENTER : VECTOR_IPC;
    f.eflags = Frame::fixed_user_flags;                 // (clobbered by Ipc)
    f.edi = local_id;
    ctx.ksp = 0;                                        // resumes in ia32_fastpath_resume
    return cpu_has_sysenter;
}

bool is_lipc_call(const Frame& f, const PageTableArch& a)
{
    return f.vector == VECTOR_IPC && f.eip == a.kip_base + kip_offset(kip_lipc_return);
}

void start_single_step(Frame& f)
{
    f.eflags |= eflags_tf;
    f.vector = 0;   // leave by iret, which loads TF
}

} // namespace arch

using namespace arch;

// Every kernel entry from user mode through an interrupt gate calls this
// first (entry.S), and the sysenter entry when the current UTCB differs:
// settles an interrupted Lipc, then a lazy switch (lipc::sync).  Returns the
// frame the entry continues with: the thread LIPC switched to owns the live
// user registers, so its frame on its own kernel stack.
extern "C" Frame* ia32_user_entry(Frame* f)
{
    Tcb* self = Tcb::current();
    Step step = count_step(self, *f);
    if (step == Step::Transparent)
        return f;
    bool fault = step == Step::Last ? self->step_as_fault : is_fault(f->vector);
    settle_interrupted_lipc(self, *f, fault);
    if (step == Step::Last && f->vector == vec_debug)
        f->vector = FRAME_PREEMPT;
    PageTableArch& a = self->space->page_table.arch_part;
    Word current_utcb = a.current_utcb_page[self->cpu->id];
    if (current_utcb == self->local_id)
        return f;
    Tcb* u = lipc::sync_target(self, current_utcb);
    Frame* uf = u->user_frame();
    *uf = *f;
    lipc::sync(self, u);
    self->cpu->arch.tables.tss.esp0 = u32(u->stack_top());
    return uf;
}
