#include "ktest.h"

namespace ktest {

namespace {
Case* first = nullptr;
Case** last = &first;
int failures_in_case = 0;
} // namespace

Register::Register(Case& c)
{
    *last = &c;
    last = &c.next;
}

void fail(const char* file, int line, const char* expr, L4_Word_t a, L4_Word_t b)
{
    if (a != b)
        printf("    %s:%d: CHECK(%s) failed: %lx != %lx\n", file, line, expr, a, b);
    else
        printf("    %s:%d: CHECK(%s) failed\n", file, line, expr);
    failures_in_case++;
}

int run_all()
{
    int passed = 0, failed = 0;
    printf("ktest: starting\n");
    for (Case* c = first; c != nullptr; c = c->next) {
        failures_in_case = 0;
        c->body();
        if (failures_in_case == 0) {
            passed++;
            printf("PASS %s.%s\n", c->group, c->name);
        } else {
            failed++;
            printf("FAIL %s.%s\n", c->group, c->name);
        }
    }
    printf("%d passed, %d failed\n", passed, failed);
    return failed > 100 ? 100 : failed;
}

} // namespace ktest
