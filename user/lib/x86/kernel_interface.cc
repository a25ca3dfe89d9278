// X.2 KernelInterface on x86 (ia32 and amd64): the invalid-opcode sequence
// "lock; nop", which the kernel answers with the KIP base in EAX/RAX, the
// API version in ECX/RCX, the API flags in EDX/RDX and the kernel id in
// ESI/RSI (docs/abi.md).
#include <l4/syscalls.h>

void* L4_KernelInterface(L4_Word_t* api_version, L4_Word_t* api_flags, L4_Word_t* kernel_id)
{
    void* base;
    __asm__ __volatile__("lock; nop" : "=a"(base), "=c"(*api_version), "=d"(*api_flags), "=S"(*kernel_id));
    return base;
}
