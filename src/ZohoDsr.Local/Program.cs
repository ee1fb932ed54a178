Console.WriteLine("local");
