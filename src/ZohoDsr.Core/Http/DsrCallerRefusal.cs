namespace ZohoDsr.Core.Http;

/// <summary>Why a caller's credential was refused (401), as logged: the signature's or the key's fault, never its value.</summary>
public enum DsrCallerRefusal
{
    MissingHeaders,
    Malformed,
    Stale,
    Mismatch,
    Replayed,
    KeyNotAccepted,
    KeyMismatch,
}
