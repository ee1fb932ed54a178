namespace ZohoDsr.Core;

public static class Placeholder
{
}
