# %% [markdown]
# # 2 · Preparing raw data with pandas
#
# Real data arrives as files with gaps and text in it. Before a model can use it, we read the file, fill or drop
# what is missing, turn categories into numbers, and convert the result to tensors. This lesson does each step
# with pandas on a tiny house-price table. The **Dataset** panel does the same steps with buttons and shows you
# this code.

# %% [markdown]
# ## Writing a small CSV file
# The lesson writes its own file, so it works anywhere. Each line is one house: number of rooms, the kind of alley
# behind it, and the price. `NA` marks a value nobody recorded.

# %%
import os

os.makedirs(os.path.join('..', 'data'), exist_ok=True)
data_file = os.path.join('..', 'data', 'house_tiny.csv')
with open(data_file, 'w') as f:
    f.write('NumRooms,Alley,Price\n')
    f.write('NA,Pave,127500\n')
    f.write('2,NA,106000\n')
    f.write('4,NA,178100\n')
    f.write('NA,NA,140000\n')

# %% [markdown]
# ## Reading it

# %%
import pandas as pd

data = pd.read_csv(data_file)
print(data)

# %% [markdown]
# pandas shows missing values as `NaN`. `isnull()` marks them, and summing the marks counts them per column:

# %%
data.isnull().sum()

# %% [markdown]
# ## Handling missing values
# Split the table into the inputs (the first two columns) and the target (the price). `iloc` selects by
# position. Then fill the missing room counts with the mean of the known ones.

# %%
inputs, outputs = data.iloc[:, 0:2], data.iloc[:, 2]
inputs = inputs.fillna(inputs.mean(numeric_only=True))
print(inputs)

# %% [markdown]
# `Alley` holds categories, not numbers. `get_dummies` makes one column per category, with a 1 where a row has
# it; `dummy_na=True` adds a column for "missing", so no information is lost.

# %%
inputs = pd.get_dummies(inputs, dummy_na=True)
print(inputs)

# %% [markdown]
# ## To tensors
# Everything is numeric now, so the values convert straight to tensors (float64, as pandas stores them).

# %%
import torch

X, y = torch.tensor(inputs.values), torch.tensor(outputs.values)
X, y

# %% [markdown]
# ## Dropping instead of filling
# Filling is one choice; dropping is another. `dropna` removes rows (or, with `axis=1`, columns) with missing
# values: `how='all'` only when every value is missing, `thresh=n` keeps those with at least `n` values.

# %%
data.dropna()

# %%
data.dropna(axis=1)

# %%
data.dropna(thresh=2)

# %% [markdown]
# **Try it:** drop the column with the most missing values. Hint: `data.isnull().sum()` counts them and
# `idxmax()` names the column with the largest count.

# %%
most_missing = data.isnull().sum().idxmax()
data.drop(columns=most_missing)
