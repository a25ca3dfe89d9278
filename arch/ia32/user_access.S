/*
 * Word x86_copy_user(void* dst, const void* src, size_t n)
 *
 * Copies between kernel and user memory; cdecl.  Returns the number of
 * bytes NOT copied: 0 on success.  Whole words first, then the tail bytes.
 * A page fault inside the copy resumes at a fixup (user_access_fixup() in
 * trap.cc): in the word copy ([x86_copy_user_start, x86_copy_user_words)
 * at x86_copy_user_words_fixup, ECX counting the words and EDX the tail
 * bytes left), in the byte copy ([x86_copy_user_words, x86_copy_user_end)
 * at x86_copy_user_fixup, ECX counting the bytes left); CR2 holds the
 * faulting address.  The caller checks that the user range lies below
 * USER_END.
 */
.text
.global x86_copy_user
.global x86_copy_user_start
.global x86_copy_user_words
.global x86_copy_user_end
.global x86_copy_user_words_fixup
.global x86_copy_user_fixup
x86_copy_user:
    push    %esi
    push    %edi
    mov     12(%esp), %edi
    mov     16(%esp), %esi
    mov     20(%esp), %ecx
    mov     %ecx, %edx
    and     $3, %edx
    shr     $2, %ecx
x86_copy_user_start:
    rep movsl
x86_copy_user_words:
    mov     %edx, %ecx
    rep movsb
x86_copy_user_end:
    jmp     x86_copy_user_fixup
x86_copy_user_words_fixup:
    lea     (%edx,%ecx,4), %ecx
x86_copy_user_fixup:
    mov     %ecx, %eax
    cld
    pop     %edi
    pop     %esi
    ret
