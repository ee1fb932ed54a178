using Microsoft.Azure.Functions.Worker;
using Moq;

namespace ZohoDsr.Functions.Tests.Support;

internal static class TestFunctionContext
{
    public static FunctionContext Create() => new Mock<FunctionContext>().Object;
}
