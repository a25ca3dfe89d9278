/*
 * Word amd64_copy_user(void* dst, const void* src, size_t n)
 *
 * Copies between kernel and user memory; SysV (RDI dst, RSI src, RDX n).
 * Returns the number of bytes NOT copied: 0 on success.  Whole words
 * first, then the tail bytes.  A page fault inside the copy resumes at a
 * fixup (user_access_fixup() in trap.cc): in the word copy
 * ([amd64_copy_user_start, amd64_copy_user_words) at
 * amd64_copy_user_words_fixup, RCX counting the words and RDX the tail
 * bytes left), in the byte copy ([amd64_copy_user_words, amd64_copy_user_end)
 * at amd64_copy_user_fixup, RCX counting the bytes left); CR2 holds the
 * faulting address.  The caller checks that the user range lies below
 * USER_END.
 */
.text
.global amd64_copy_user
.global amd64_copy_user_start
.global amd64_copy_user_words
.global amd64_copy_user_end
.global amd64_copy_user_words_fixup
.global amd64_copy_user_fixup
amd64_copy_user:
    mov     %rdx, %rcx
    and     $7, %edx
    shr     $3, %rcx
amd64_copy_user_start:
    rep movsq
amd64_copy_user_words:
    mov     %rdx, %rcx
    rep movsb
amd64_copy_user_end:
    jmp     amd64_copy_user_fixup
amd64_copy_user_words_fixup:
    lea     (%rdx,%rcx,8), %rcx
amd64_copy_user_fixup:
    mov     %rcx, %rax
    cld
    ret
