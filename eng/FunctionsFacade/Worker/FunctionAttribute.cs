namespace Microsoft.Azure.Functions.Worker;

[AttributeUsage(AttributeTargets.Method)]
public class FunctionAttribute : Attribute
{
    public FunctionAttribute(string name)
    {
        Name = name;
    }

    public string Name { get; }
}
