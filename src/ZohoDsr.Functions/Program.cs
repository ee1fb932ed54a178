Console.WriteLine("functions");
