/*
 * Word ia32_copy_user(void* dst, const void* src, size_t n)
 *
 * Copies between kernel and user memory; cdecl.  Returns the number of
 * bytes NOT copied: 0 on success.  Whole words first, then the tail bytes.
 * A page fault inside the copy resumes at a fixup (user_access_fixup() in
 * trap.cc): in the word copy ([ia32_copy_user_start, ia32_copy_user_words)
 * at ia32_copy_user_words_fixup, ECX counting the words and EDX the tail
 * bytes left), in the byte copy ([ia32_copy_user_words, ia32_copy_user_end)
 * at ia32_copy_user_fixup, ECX counting the bytes left); CR2 holds the
 * faulting address.  The caller checks that the user range lies below
 * USER_END.
 */
.text
.global ia32_copy_user
.global ia32_copy_user_start
.global ia32_copy_user_words
.global ia32_copy_user_end
.global ia32_copy_user_words_fixup
.global ia32_copy_user_fixup
ia32_copy_user:
    push    %esi
    push    %edi
    mov     12(%esp), %edi
    mov     16(%esp), %esi
    mov     20(%esp), %ecx
    mov     %ecx, %edx
    and     $3, %edx
    shr     $2, %ecx
ia32_copy_user_start:
    rep movsl
ia32_copy_user_words:
    mov     %edx, %ecx
    rep movsb
ia32_copy_user_end:
    jmp     ia32_copy_user_fixup
ia32_copy_user_words_fixup:
    lea     (%edx,%ecx,4), %ecx
ia32_copy_user_fixup:
    mov     %ecx, %eax
    cld
    pop     %edi
    pop     %esi
    ret
