namespace Microsoft.Azure.Functions.Worker;

public delegate Task FunctionExecutionDelegate(FunctionContext context);
