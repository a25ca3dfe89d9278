/*
 * Word x86_copy_user(void* dst, const void* src, size_t n)
 *
 * Copies between kernel and user memory; SysV (RDI dst, RSI src, RDX n).
 * Returns the number of bytes NOT copied: 0 on success.  Whole words
 * first, then the tail bytes.  A page fault inside the copy resumes at a
 * fixup (user_access_fixup() in trap.cc): in the word copy
 * ([x86_copy_user_start, x86_copy_user_words) at
 * x86_copy_user_words_fixup, RCX counting the words and RDX the tail
 * bytes left), in the byte copy ([x86_copy_user_words, x86_copy_user_end)
 * at x86_copy_user_fixup, RCX counting the bytes left); CR2 holds the
 * faulting address.  The caller checks that the user range lies below
 * USER_END.
 */
.text
.global x86_copy_user, x86_copy_user_start, x86_copy_user_words, x86_copy_user_end
.global x86_copy_user_words_fixup, x86_copy_user_fixup
x86_copy_user:
    mov     %rdx, %rcx
    and     $7, %edx
    shr     $3, %rcx
x86_copy_user_start:
    rep movsq
x86_copy_user_words:
    mov     %rdx, %rcx
    rep movsb
x86_copy_user_end:
    jmp     x86_copy_user_fixup
x86_copy_user_words_fixup:
    lea     (%rdx,%rcx,8), %rcx
x86_copy_user_fixup:
    mov     %rcx, %rax
    cld
    ret
