namespace ZohoDsr.Core.Activities;

/// <summary>Whether the callback was accepted (2xx) and the status it got.</summary>
public sealed record SendCallbackResult(bool Delivered, int StatusCode);
