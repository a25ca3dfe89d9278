/*
 * bool ia32_copy_user(void* dst, const void* src, size_t n)
 *
 * Copies between kernel and user memory; cdecl.  A page fault inside the
 * copy (eip in [ia32_copy_user_start, ia32_copy_user_end)) resumes at
 * ia32_copy_user_fixup, which returns 0; success returns 1.  The caller
 * checks that the user range lies below USER_END.
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
    mov     $1, %eax
    pop     %edi
    pop     %esi
    ret
ia32_copy_user_fixup:
    xor     %eax, %eax
    cld
    pop     %edi
    pop     %esi
    ret
