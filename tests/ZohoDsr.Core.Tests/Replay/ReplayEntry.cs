namespace ZohoDsr.Core.Tests.Replay;

/// <summary>One operation of an orchestration run, in the order the orchestration issued it, with what it got back.</summary>
/// <param name="Operation"><c>time</c>, <c>guid</c>, <c>activity</c>, <c>timer</c>, <c>event</c>, <c>acquire</c>, <c>release</c>, <c>status</c>.</param>
/// <param name="Key">The activity / event name, org id, or empty.</param>
/// <param name="Input">The serialised input (activity input and retry policy, fire time, gate request, progress).</param>
/// <param name="Result">The serialised result, or null for none / a failure.</param>
/// <param name="Error">The failure message when the operation failed.</param>
internal sealed record ReplayEntry(string Operation, string Key, string Input, string? Result = null, string? Error = null)
{
    public override string ToString() => $"{Operation} {Key} {Input}";
}
