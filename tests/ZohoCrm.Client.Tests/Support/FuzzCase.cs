namespace ZohoCrm.Client.Tests;

/// <summary>A fuzz case: the answers served in order, the last one to every later request (so paging meets it again).</summary>
internal sealed record FuzzCase(string Name, IReadOnlyList<FuzzAnswer> Answers)
{
    public FuzzAnswer AnswerFor(int call) => Answers[Math.Min(call, Answers.Count) - 1];

    public override string ToString() => $"{Name}: {string.Join(" | then ", Answers)}";
}
