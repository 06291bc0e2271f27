/*
 * bcryptprimitives.dll shim for the Windows smoke test (scripts/windows-smoke.sh).
 *
 * Why it exists: Rust's standard library gets its random numbers (HashMap seeds)
 * from ProcessPrng in bcryptprimitives.dll since Rust 1.78, so every Rust .exe
 * imports it. Windows 10 and later ship it; Debian's wine 8 does not, and the
 * program would not even start under wine ("import ProcessPrng not found"). The
 * smoke test builds this file with mingw-w64 into a one-function DLL that is put
 * next to topocert.exe in the test folder only. It is never shipped: the released
 * topocert.exe uses the real DLL of Windows.
 *
 * ProcessPrng fills the buffer from RtlGenRandom (advapi32!SystemFunction036),
 * which wine implements with the system's random source.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
