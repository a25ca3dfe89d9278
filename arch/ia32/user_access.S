/*
 * Word ia32_copy_user(void* dst, const void* src, size_t n)
 *
 * Copies between kernel and user memory; cdecl.  Returns the number of
 * bytes NOT copied: 0 on success.  A page fault inside the copy (eip in
 * [ia32_copy_user_start, ia32_copy_user_end)) resumes at
 * ia32_copy_user_fixup with ECX still counting the remaining bytes; CR2
 * holds the faulting address.  The caller checks that the user range lies
 * below USER_END.
 */
.text
.global ia32_copy_user
.global ia32_copy_user_start
.global ia32_copy_user_end
.global ia32_copy_user_fixup
ia32_copy_user:
    push    %esi
    push    %edi
    mov     12(%esp), %edi
    mov     16(%esp), %esi
    mov     20(%esp), %ecx
ia32_copy_user_start:
    rep movsb
ia32_copy_user_end:
ia32_copy_user_fixup:
    mov     %ecx, %eax
    cld
    pop     %edi
    pop     %esi
    ret
