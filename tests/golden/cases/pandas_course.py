# Section 1.4.2 of the course, as written: create house_tiny.csv, read it, fill or drop missing values,
# one-hot encode, convert to tensors.
import os

os.makedirs(os.path.join('..', 'data'), exist_ok=True)
data_file = os.path.join('..', 'data', 'house_tiny.csv')
with open(data_file, 'w') as f:
    f.write('NumRooms,Alley,Price\n')  # column names
    f.write('NA,Pave,127500\n')  # each row is one sample
    f.write('2,NA,106000\n')
    f.write('4,NA,178100\n')
    f.write('NA,NA,140000\n')
# %%
import pandas as pd

data = pd.read_csv(data_file)
print(data)
# %%
data
# %%
inputs, outputs = data.iloc[:, 0:2], data.iloc[:, 2]
inputs = inputs.fillna(inputs.mean())
print(inputs)
# %%
outputs
# %%
nan_number = data.isnull().sum(axis=1)
nan_number
# %%
data.isnull()
# %%
nan_max_id = nan_number.idxmax()
nan_max_id
# %%
data_delete = data.drop([nan_max_id], axis=0)
print(data_delete)
# %%
inputs = pd.get_dummies(inputs, dummy_na=True)
print(inputs)
# %%
inputs.dtypes
# %%
import torch

X, y = torch.tensor(inputs.values), torch.tensor(outputs.values)
X, y
# %%
inputs.values
# %%
torch.tensor(data.values)
